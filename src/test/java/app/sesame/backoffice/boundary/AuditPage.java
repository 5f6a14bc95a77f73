package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The audit trail of the firm, with its filters. */
public class AuditPage extends Page {
  public AuditPage(WebDriver driver) {
    super(driver);
  }

  public static AuditPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/audit.xhtml").toString());
    return new AuditPage(driver);
  }

  /** Keeps only the events concerning one account. */
  public AuditPage filterByAccount(String email) {
    type(By.id("audit:subject"), email);
    WebElement lines = driver.findElement(By.id("audit:lines_data"));
    visible(By.id("audit:apply")).click();
    waiting().until(ExpectedConditions.stalenessOf(lines));
    return this;
  }

  /** The text of the events listed. */
  public String lines() {
    return visible(By.id("audit:lines_data")).getText();
  }
}
