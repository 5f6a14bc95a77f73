package app.sesame.signin.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The page of a sign-in that must set up a first factor, or of a recovery's new one: an app (the
 * same steps as on the security page) or a security key.
 */
public class SetupPage extends Page {
  public SetupPage(WebDriver driver) {
    super(driver);
  }

  public boolean isShown() {
    waiting().until(d -> d.getCurrentUrl().contains("/login/"));
    return driver.getCurrentUrl().endsWith("/login/setup.xhtml");
  }

  /** The app's steps, which the page opens at the choice of the phone. */
  public AppEnrolment app() {
    return new AppEnrolment(driver);
  }

  /** Names a key and registers it with the browser's authenticator; returns the messages. */
  public String addKey(String name) {
    type(By.id("setupkey:key-name"), name);
    visible(By.id("setupkey:add-key")).click();
    return waiting()
        .until(
            d -> {
              String text = d.findElement(By.id("setupkey:messages")).getText();
              return text.isBlank() ? null : text;
            });
  }

  /** How many recovery codes came with the key. */
  public int keyRecoveryCodes() {
    return visible(By.id("setup-recovery-codes")).findElements(By.tagName("code")).size();
  }

  /** "Done" after a key: the sign-in ends. */
  public void finishWithKey() {
    String before = driver.getCurrentUrl();
    visible(By.id("setupkey:key-done")).click();
    waiting().until(d -> !d.getCurrentUrl().equals(before));
  }
}
