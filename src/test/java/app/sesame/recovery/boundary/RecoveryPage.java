package app.sesame.recovery.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Mailbox;
import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Lost your sign-in methods?": the request form, then the page the e-mailed link opens. */
public class RecoveryPage extends Page {
  public RecoveryPage(WebDriver driver) {
    super(driver);
  }

  /** From the sign-in page, the link to the request form. */
  public static RecoveryPage fromSignIn(WebDriver driver) {
    SignInPage.open(driver);
    RecoveryPage page = new RecoveryPage(driver);
    page.visible(By.id("signin:lost")).click();
    page.waiting().until(d -> d.getCurrentUrl().contains("/login/lost.xhtml"));
    return page;
  }

  /**
   * Asks for a recovery link from the sign-in page, as a French-speaking client, and returns it,
   * read from the nth such mail to the address.
   */
  public static String requestLink(WebDriver driver, String email, int nth) {
    String answer = fromSignIn(driver).request(email);
    assertTrue(answer.contains("Si un compte utilise cette adresse"), answer);
    assertTrue(answer.contains("5 minutes"), answer);
    Mailbox.Mail mail = Mailbox.await(email, "Réinitialiser vos moyens de connexion", nth);
    assertTrue(mail.body().contains("Ce lien expire dans 5 minutes"), mail.body());
    assertTrue(mail.body().contains("aucun changement ne sera effectué"), mail.body());
    return mail.link("/login/recover.xhtml?token=");
  }

  public static RecoveryPage open(WebDriver driver, String link) {
    driver.get(link);
    RecoveryPage page = new RecoveryPage(driver);
    page.loaded();
    return page;
  }

  /** Sends the address; returns what the page answers. */
  public String request(String email) {
    type(By.id("lost:email"), email);
    WebElement form = driver.findElement(By.id("lost"));
    visible(By.id("lost:submit")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
    return visible(By.id("lost:sent")).getText();
  }

  private void clickAndAwait(String id) {
    WebElement form = driver.findElement(By.id("recover"));
    visible(By.id("recover:" + id)).click();
    waiting()
        .until(
            d ->
                ExpectedConditions.stalenessOf(form).apply(d)
                    || !d.getCurrentUrl().contains("/login/recover.xhtml"));
    loaded();
  }

  public void chooseSecondFactor() {
    clickAndAwait("reset-second-factor");
  }

  public void choosePassword() {
    clickAndAwait("reset-password");
  }

  public void enterPassword(String password) {
    type(By.id("recover:password"), password);
    clickAndAwait("confirm-password");
  }

  /** Types the SMS code and continues; the browser may land on another page. */
  public void enterSmsCode(String code) {
    type(By.id("recover:sms-code"), code);
    clickAndAwait("check-sms");
  }

  public String smsSentTo() {
    return visible(By.id("sms-sent-to")).getText();
  }

  public void proveWithCode(String code) {
    type(By.id("recover:code"), code);
    clickAndAwait("prove-code");
  }

  /** Proves the second factor with the browser's security key. */
  public void proveWithKey() {
    visible(By.id("recover:use-key")).click();
    visible(By.id("recover:new-password"));
  }

  public void factorLostToo() {
    clickAndAwait("factor-lost");
  }

  public void newPassword(String password) {
    type(By.id("recover:new-password"), password);
    type(By.id("recover:new-confirmation"), password);
    clickAndAwait("save-password");
  }

  /** Whether a step's panel is on the page. */
  public boolean shows(String panelId) {
    return !driver.findElements(By.id("recover:" + panelId)).isEmpty();
  }

  /** The whole text of the page's main content. */
  public String content() {
    return visible(By.tagName("main")).getText();
  }
}
