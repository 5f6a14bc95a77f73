package app.sesame.signin.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The sign-in page. */
public class SignInPage extends Page {
  public SignInPage(WebDriver driver) {
    super(driver);
  }

  public static SignInPage open(WebDriver driver) {
    driver.get(PortalServer.url("login/sign-in.xhtml").toString());
    return new SignInPage(driver);
  }

  /** Fills in and sends the form; the browser lands wherever the portal sends it. */
  public void signIn(String email, String password) {
    type(By.id("signin:email"), email);
    type(By.id("signin:password"), password);
    String before = driver.getCurrentUrl();
    visible(By.id("signin:submit")).click();
    waiting()
        .until(
            d ->
                !d.getCurrentUrl().equals(before)
                    || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
    loaded();
  }

  /** Signs a fixture person in completely: password, then their app's code if they have one. */
  public static void signInFully(WebDriver driver, app.sesame.support.Fixtures.Person person) {
    open(driver).signIn(person.email(), person.password());
    if (person.totpSecret() != null) {
      new SecondStepPage(driver).enter(person.code());
    }
  }

  /**
   * "Sign in with a passkey": the browser's key answers. Returns the passkey form's messages, or
   * nothing when the browser went on to a signed-in page.
   */
  public String usePasskey() {
    String before = driver.getCurrentUrl();
    visible(By.id("passkey:start")).click();
    return waiting()
        .until(
            d -> {
              if (!d.getCurrentUrl().equals(before)) {
                return "";
              }
              String text = d.findElement(By.id("passkey:messages")).getText();
              return text.isBlank() ? null : text;
            });
  }

  public String signedOutNotice() {
    return visible(By.id("signed-out")).getText();
  }
}
