package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The back-office's clients page. */
public class ClientsPage extends Page {
  public ClientsPage(WebDriver driver) {
    super(driver);
  }

  public static ClientsPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/index.xhtml").toString());
    return new ClientsPage(driver);
  }

  /** Invites a client; returns the message the page shows. */
  public String invite(String name, String email, String languageLabel) {
    type(By.id("clients:name"), name);
    type(By.id("clients:email"), email);
    choose("clients:language", languageLabel);
    WebElement messages =
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("clients:messages")));
    visible(By.id("clients:send-invitation")).click();
    waiting().until(ExpectedConditions.stalenessOf(messages));
    return messages();
  }

  /** Types in the search field and waits for the list to follow. */
  public void search(String text) {
    WebElement table = visible(By.id("clients:list"));
    WebElement field = visible(By.id("clients:search"));
    // Erased key by key, as a person would: the list follows the keys typed.
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    field.sendKeys(text);
    waiting().until(ExpectedConditions.stalenessOf(table));
  }

  public ClientPage openClient(String name) {
    visible(By.linkText(name)).click();
    waiting().until(ExpectedConditions.urlContains("/backoffice/client.xhtml"));
    return new ClientPage(driver);
  }

  /** Resets the second factors of the client listed under the given name, from the list. */
  public String resetFromList(String name, String reasonLabel) {
    visible(
            By.xpath(
                "//tr[.//a[text()='" + name + "']]//button[contains(@class,'ui-button-warning')]"))
        .click();
    return new ResetDialog(driver, "clients")
        .confirm(reasonLabel, ResetDialog.CALL_BACK, driver.findElement(By.id("clients:list")));
  }

  /** Lets the client listed under the given name try again at once; the page's messages. */
  public String unlockFromList(String name) {
    WebElement table = visible(By.id("clients:list"));
    visible(By.xpath("//tr[.//a[text()='" + name + "']]//button[contains(@class,'unlock')]"))
        .click();
    waiting().until(ExpectedConditions.stalenessOf(table));
    return messages();
  }

  /** Clicks a paginator control ("first", "last", …) or a page number, and waits for the list. */
  public ClientsPage paginator(String control) {
    WebElement table = firstRow();
    By link =
        control.chars().allMatch(Character::isDigit)
            ? By.xpath(
                "//*[contains(@class,'ui-paginator-page') and normalize-space()='" + control + "']")
            : By.cssSelector(".ui-paginator-" + control);
    visible(link).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
    idle();
    return this;
  }

  /** Sorts by a column (clicking its heading again turns the order round). */
  public ClientsPage sortBy(String columnId) {
    WebElement table = firstRow();
    visible(By.id("clients:list:" + columnId)).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
    idle();
    return this;
  }

  /** Shows only the clients in the state of the given label. */
  public ClientsPage status(String label) {
    WebElement table = firstRow();
    choose("clients:status-filter", label);
    waiting().until(ExpectedConditions.stalenessOf(table));
    idle();
    return this;
  }

  /** Waits until the page has no request under way and has set up what the last one drew. */
  public void idle() {
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty()"
                                + " && !!PrimeFaces.widgets['clientList'];")));
  }

  /** The list's first row: the page, the sort or the filter replaces it. */
  private WebElement firstRow() {
    idle();
    return visible(By.cssSelector("#clients\\:list_data tr"));
  }

  /** The names of the clients listed, top to bottom. */
  public List<String> names() {
    return visible(By.id("clients:list_data"))
        .findElements(By.cssSelector("a.client-link"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  /** What the paginator says of the page shown: "26–50 / 60". */
  public String report() {
    return visible(By.cssSelector("#clients\\:list .ui-paginator-current")).getText();
  }

  public String table() {
    return visible(By.id("clients:list")).getText();
  }
}
