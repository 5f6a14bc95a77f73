package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import org.openqa.selenium.By;
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
    visible(By.id("clients:language")).click();
    visible(By.cssSelector("#clients\\:language_items li[data-label='" + languageLabel + "']"))
        .click();
    WebElement messages =
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("clients:messages")));
    visible(By.id("clients:send-invitation")).click();
    waiting().until(ExpectedConditions.stalenessOf(messages));
    return messages();
  }

  /** Types in the search field and waits for the list to follow. */
  public void search(String text) {
    WebElement table = visible(By.id("clients:list"));
    type(By.id("clients:search"), text);
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

  public String table() {
    return visible(By.id("clients:list")).getText();
  }
}
