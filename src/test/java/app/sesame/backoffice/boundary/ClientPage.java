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

  /**
   * Resets the client's second factors with the reason whose label is given, after a call-back;
   * returns the page's messages.
   */
  public String reset(String reasonLabel) {
    return reset(reasonLabel, ResetDialog.CALL_BACK);
  }

  public String reset(String reasonLabel, String checkLabel) {
    visible(By.id("client:open-reset")).click();
    return dialog().confirm(reasonLabel, checkLabel, driver.findElement(By.id("client:factors")));
  }

  /** The reset dialog of this page. */
  public ResetDialog dialog() {
    return new ResetDialog(driver, "client");
  }

  /** The recovery card: frozen, waiting, enrolment code given. */
  public String recoveryState() {
    return visible(By.id("client:recovery-state")).getText();
  }

  /** "Lift the freeze"; returns the page's messages. */
  public String liftFreeze() {
    return click("client:lift-freeze");
  }

  /** "Lift the wait" between two recoveries; returns the page's messages. */
  public String liftRecoveryWait() {
    return click("client:lift-wait");
  }

  private String click(String id) {
    WebElement state = visible(By.id("client:recovery-state"));
    visible(By.id(id)).click();
    try {
      waiting().until(ExpectedConditions.stalenessOf(state));
    } catch (RuntimeException e) {
      String html = driver.getPageSource();
      int i = html.indexOf("recovery-state");
      System.out.println(
          "DEBUGPAGE " + html.substring(Math.max(0, i - 3000), Math.min(html.length(), i + 3000)));
      throw e;
    }
    return messages();
  }
}
