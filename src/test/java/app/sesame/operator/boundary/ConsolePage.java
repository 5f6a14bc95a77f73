package app.sesame.operator.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The operators' console: the firms, the creation dialog, the confirmation dialog. */
public class ConsolePage extends Page {
  public ConsolePage(WebDriver driver) {
    super(driver);
  }

  public static ConsolePage open(WebDriver driver) {
    driver.get(PortalServer.url("operator/index.xhtml").toString());
    return new ConsolePage(driver);
  }

  public boolean isShown() {
    return driver.getCurrentUrl().contains("/operator/index.xhtml");
  }

  /** The text of the firms' table. */
  public String table() {
    return visible(By.id("firms:list")).getText();
  }

  /** Whether a row shows this address part. */
  public boolean lists(String slug) {
    return !driver.findElements(rowOf(slug)).isEmpty();
  }

  private static By rowOf(String slug) {
    return By.xpath(
        "//tr[.//code[contains(@class,'firm-slug') and normalize-space()='" + slug + "']]");
  }

  /** The counts of the firm's row, by column: administrators, accountants, clients… */
  public Map<String, String> counts(String slug) {
    WebElement row = visible(rowOf(slug));
    Map<String, String> counts = new LinkedHashMap<>();
    for (String kind :
        new String[] {"administrators", "accountants", "clients", "active", "second-factor"}) {
      counts.put(kind, row.findElement(By.className("count-" + kind)).getText());
    }
    return counts;
  }

  /** The state column of the firm's row. */
  public String state(String slug) {
    return visible(rowOf(slug)).findElement(By.className("firm-state")).getText();
  }

  /** Opens the creation dialog and types the firm's name; returns the address part proposed. */
  public String startCreation(String name) {
    visible(By.id("firms:new-firm")).click();
    visible(By.id("create-dialog"));
    type(By.id("create-form:name"), name);
    visible(By.id("create-form:name")).sendKeys(Keys.TAB);
    return waiting()
        .until(
            d -> {
              String value = d.findElement(By.id("create-form:slug")).getAttribute("value");
              return value == null || value.isEmpty() ? null : value;
            });
  }

  /**
   * Fills in the rest of the dialog and sends it; a null address part keeps the one proposed.
   * Returns the messages the page then shows: the confirmation, or the refusals beside the fields.
   */
  public String finishCreation(String slug, String adminName, String adminEmail, String language) {
    if (slug != null) {
      type(By.id("create-form:slug"), slug);
    }
    type(By.id("create-form:admin-name"), adminName);
    type(By.id("create-form:admin-email"), adminEmail);
    if (language != null) {
      choose("create-form:language", language);
    }
    WebElement form = driver.findElement(By.id("create-form:create"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", form);
    visible(By.id("create-form:create")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
    return messages();
  }

  /** The refusal shown beside a field of the creation dialog ("slug", "admin-email"…). */
  public String fieldMessage(String field) {
    return text("create-form:" + field + "-message");
  }

  public boolean creationDialogOpen() {
    return visible(By.id("create-dialog")).isDisplayed();
  }

  /** Suspends the firm through its confirmation dialog; returns the dialog's question. */
  public String suspend(String slug) {
    return confirm(slug, "suspend");
  }

  public String resume(String slug) {
    return confirm(slug, "resume");
  }

  private String confirm(String slug, String action) {
    visible(rowOf(slug)).findElement(By.cssSelector("button[id$=':" + action + "']")).click();
    String question = text("confirm-text");
    WebElement table = driver.findElement(By.id("firms:list"));
    visible(By.id("confirm-form:confirm")).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
    return question;
  }
}
