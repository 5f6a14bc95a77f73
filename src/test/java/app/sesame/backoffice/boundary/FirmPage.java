package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The firm settings of an administrator: the clients' sign-in policy and the accountants. */
public class FirmPage extends Page {
  public FirmPage(WebDriver driver) {
    super(driver);
  }

  public static FirmPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/firm.xhtml").toString());
    return new FirmPage(driver);
  }

  /** Flips the switch whose id is given ("required", "app", "key", "passkeys"…). */
  public FirmPage toggle(String switchId) {
    visible(By.cssSelector("#firm\\:" + switchId + " .ui-toggleswitch-slider")).click();
    return this;
  }

  /** Saves the policy; returns the page's messages. */
  public String savePolicy() {
    visible(By.id("firm:save-policy")).click();
    return messages();
  }

  private By resetOf(String email) {
    return By.xpath("//tr[td[text()='" + email + "']]//button[contains(@id,'reset-staff')]");
  }

  /** Whether the row of the person offers the reset of their second factors. */
  public boolean canReset(String email) {
    visible(By.id("firm:staff"));
    return !driver.findElements(resetOf(email)).isEmpty();
  }

  /** Opens the reset dialog for the person of the row. */
  public void openReset(String email) {
    visible(resetOf(email)).click();
    visible(By.id("firm:reset-dialog"));
  }

  /** "Make administrator" on the accountant's row; returns the page's messages. */
  public String promote(String email) {
    clickPromote(email);
    return messages();
  }

  /** Clicks "Make administrator" on the accountant's row. */
  public void clickPromote(String email) {
    visible(
            By.xpath(
                "//tr[td[text()='"
                    + email
                    + "']]//button[.//span[text()='Nommer administrateur' or text()='Make"
                    + " administrator']]"))
        .click();
  }
}
