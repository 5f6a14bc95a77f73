package app.sesame.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: waiting for what a person would wait for. */
public abstract class Page {
  protected final WebDriver driver;

  protected Page(WebDriver driver) {
    this.driver = driver;
  }

  /**
   * A wait that also rides out the moment a page replaces its document (Chromium then reports a
   * node that "does not belong to the document").
   */
  protected WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  /** The text of an element, once it is shown. */
  public String text(String id) {
    return waiting()
        .until(
            d -> {
              String text = d.findElement(By.id(id)).getText();
              return text.isBlank() ? null : text;
            });
  }

  protected WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  protected void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Chooses an option of a PrimeFaces drop-down by its label: opens it, waits until its list has
   * finished appearing (PrimeFaces marks it "enter-done"; a click before that is lost), clicks the
   * option and waits for the drop-down to show it.
   */
  protected void choose(String menuId, String label) {
    visible(By.id(menuId)).click();
    waiting()
        .until(
            ExpectedConditions.attributeContains(
                By.id(menuId + "_panel"), "class", "ui-connected-overlay-enter-done"));
    visible(By.cssSelector("[id='" + menuId + "_items'] li[data-label=\"" + label + "\"]")).click();
    waiting().until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
  }

  /** Waits until the browser has loaded the page it was sent to. */
  protected void loaded() {
    waiting()
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  /** The heading of the page. */
  public String heading() {
    return visible(By.tagName("h1")).getText();
  }

  public String html() {
    return driver.getPageSource();
  }

  /** The text of the page's error and warning messages. */
  public String messages() {
    return waiting()
        .until(
            d ->
                d
                    .findElements(
                        By.cssSelector(
                            ".ui-messages-error, .ui-messages-warn, .ui-message-error,"
                                + " .ui-messages-info, .ui-messages-success"))
                    .stream()
                    .map(WebElement::getText)
                    .filter(t -> !t.isBlank())
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse(null));
  }

  /** Switches the page's language with the link every page has. */
  public void switchLanguage(String code) {
    visible(By.id("lang-" + code)).click();
    waiting().until(d -> code.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
  }

  public String language() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  /** Signs out with the button of the top bar. */
  public void signOut() {
    visible(By.id("signout:signout-button")).click();
    waiting().until(ExpectedConditions.urlContains("signedOut=true"));
  }
}
