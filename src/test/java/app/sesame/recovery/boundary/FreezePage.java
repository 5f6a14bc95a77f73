package app.sesame.recovery.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The page of the "this wasn't me" link of the mail sent after a recovery. */
public class FreezePage extends Page {
  public FreezePage(WebDriver driver) {
    super(driver);
  }

  public static FreezePage open(WebDriver driver, String link) {
    driver.get(link);
    return new FreezePage(driver);
  }

  /** Confirms the freeze; returns what the page then says. */
  public String freeze() {
    visible(By.id("freeze:confirm-freeze")).click();
    return visible(By.id("freeze:frozen")).getText();
  }

  public boolean saysInvalid() {
    loaded();
    return !driver.findElements(By.id("freeze:invalid")).isEmpty();
  }
}
