package app.sesame.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One browser for a test class, in the given language, with the cookies cleared before each test:
 * every test starts signed out, in a session of its own, and fails if a page it went through breaks
 * the accessibility rules.
 */
public final class BrowserSession
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String acceptLanguage;
  private WebDriver driver;

  public BrowserSession(String acceptLanguage) {
    this.acceptLanguage = acceptLanguage;
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    driver = Browser.open(acceptLanguage);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    driver.manage().deleteAllCookies();
  }

  /** Every page the test went through passes the WCAG 2.1 AA rules (see {@link Accessibility}). */
  @Override
  public void afterEach(ExtensionContext context) {
    Accessibility.assertNone(driver);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Accessibility.forget(driver);
    driver.quit();
  }
}
