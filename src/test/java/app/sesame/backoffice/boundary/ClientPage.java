package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One client's page in the back-office. */
public class ClientPage extends Page {
  public ClientPage(WebDriver driver) {
    super(driver);
  }

  public String factors() {
    return visible(By.id("factors-summary")).getText();
  }

  /** Resets the client's second factors with the reason whose label is given. */
  public String reset(String reasonLabel) {
    visible(By.id("client:open-reset")).click();
    visible(By.xpath("//div[@id='client:reset-dialog']//label[text()='" + reasonLabel + "']"))
        .click();
    WebElement factors = driver.findElement(By.id("client:factors"));
    visible(By.id("client:confirm-reset")).click();
    waiting().until(ExpectedConditions.stalenessOf(factors));
    return messages();
  }
}
