package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dialog that resets a person's second factors, on whichever page opened it: the reason, how
 * the person's identity was checked, and afterwards the enrolment code to read out.
 */
public class ResetDialog extends Page {
  /** The identity check every test uses unless it says otherwise. */
  public static final String CALL_BACK = "Rappel au numéro au dossier";

  private final String form;

  ResetDialog(WebDriver driver, String form) {
    super(driver);
    this.form = form;
  }

  /**
   * Fills in and confirms the reset; waits until the page element given is redrawn. Returns the
   * page's messages.
   */
  String confirm(String reasonLabel, String checkLabel, WebElement redrawn) {
    visible(label(reasonLabel)).click();
    visible(label(checkLabel)).click();
    visible(By.id(form + ":confirm-reset")).click();
    waiting().until(ExpectedConditions.stalenessOf(redrawn));
    return messages();
  }

  private By label(String text) {
    return By.xpath("//div[@id='" + form + ":reset-dialog']//label[text()=\"" + text + "\"]");
  }

  /** "I gave the code": the dialog closes. */
  public void close() {
    visible(By.id(form + ":close-reset")).click();
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(form + ":reset-dialog")));
  }

  /** The enrolment code the dialog shows after the reset, if the firm gives one. */
  public Optional<String> issuedCode() {
    return driver.findElements(By.id("issued-code")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .findFirst();
  }
}
