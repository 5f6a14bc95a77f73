package app.sesame.security.boundary;

import app.sesame.signin.boundary.AppEnrolment;
import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The "Account security" page. */
public class SecurityPage extends Page {
  public SecurityPage(WebDriver driver) {
    super(driver);
  }

  public static SecurityPage open(WebDriver driver, String area) {
    driver.get(PortalServer.url(area + "/security.xhtml").toString());
    return new SecurityPage(driver);
  }

  private void clickAndAwait(By button, String formId) {
    WebElement form = driver.findElement(By.id(formId));
    visible(button).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
  }

  /** "Add an app": its setup opens at the choice of the phone. */
  public AppEnrolment addApp() {
    clickAndAwait(By.id("security:add-app"), "enroll");
    return new AppEnrolment(driver);
  }

  /** Adds a security key with the browser's authenticator; returns the page's messages. */
  public String addKey(String name) {
    type(By.id("security:key-name"), name);
    visible(By.id("security:add-key")).click();
    return formMessages();
  }

  /** The messages of the page's main form, once there are some. */
  public String formMessages() {
    return waiting()
        .until(
            d -> {
              String text = d.findElement(By.id("security:messages")).getText();
              return text.isBlank() ? null : text;
            });
  }

  public String keysTable() {
    return visible(By.id("security:keys")).getText();
  }

  /** The recovery codes shown on the page after a first key. */
  public int newRecoveryCodes() {
    return driver.findElements(By.cssSelector("#recovery-codes code")).size();
  }

  /** Removes the first key listed, confirming the dialog; returns the page's messages. */
  public String removeFirstKey() {
    visible(By.cssSelector("[id$=':remove-key']")).click();
    visible(By.cssSelector(".ui-confirmdialog-yes")).click();
    return formMessages();
  }

  public String appsTable() {
    return visible(By.id("security:apps")).getText();
  }

  public String codesLeft() {
    return visible(By.id("codes-left")).getText();
  }

  /** Resets the first app listed, confirming the dialog: the setup of a new QR code opens. */
  public AppEnrolment resetFirstApp() {
    visible(By.cssSelector("[id$=':reset']")).click();
    WebElement form = driver.findElement(By.id("enroll"));
    visible(By.cssSelector(".ui-confirmdialog-yes")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
    return new AppEnrolment(driver);
  }

  public void removeFirstApp() {
    visible(By.cssSelector("[id$=':remove']")).click();
    WebElement table = driver.findElement(By.id("security:apps"));
    visible(By.cssSelector(".ui-confirmdialog-yes")).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
  }

  public boolean isAskingForProof() {
    return !driver.findElements(By.id("security:proof-secret")).isEmpty();
  }

  /** Changes the password on the page; returns the page's messages. */
  public String changePassword(String current, String password, String confirmation) {
    type(By.id("security:current-password"), current);
    type(By.id("security:new-password"), password);
    type(By.id("security:new-confirmation"), confirmation);
    WebElement messages = driver.findElement(By.id("security:messages"));
    visible(By.id("security:change-password")).click();
    waiting().until(ExpectedConditions.stalenessOf(messages));
    return formMessages();
  }

  /** Scrolls a section of the page into view, for a screenshot. */
  public void show(String sectionId) {
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView()", sectionId);
  }

  /** The signed-in sessions, one line of text per session. */
  public List<String> sessions() {
    return visible(By.id("security:sessions_data")).findElements(By.tagName("tr")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Ends the listed session whose row mentions the text; returns the page's messages. */
  public String endSession(String rowText) {
    WebElement messages = driver.findElement(By.id("security:messages"));
    visible(
            By.xpath(
                "//tbody[@id='security:sessions_data']/tr[contains(.,'"
                    + rowText
                    + "')]//button[contains(@id,'end-session')]"))
        .click();
    waiting().until(ExpectedConditions.stalenessOf(messages));
    return formMessages();
  }

  /** "End all other sessions"; returns the page's messages. */
  public String endOtherSessions() {
    WebElement messages = driver.findElement(By.id("security:messages"));
    visible(By.id("security:end-other-sessions")).click();
    waiting().until(ExpectedConditions.stalenessOf(messages));
    return formMessages();
  }

  public String signInsTable() {
    return visible(By.id("security:signins")).getText();
  }

  /** Types a mobile number and asks for its code; returns the page's messages. */
  public String sendPhoneCode(String number) {
    type(By.id("security:phone-input"), number);
    clickAndAwait(By.id("security:send-phone-code"), "security");
    return messages();
  }

  /** Types the code the SMS brought; returns the page's messages. */
  public String confirmPhone(String code) {
    type(By.id("security:phone-code"), code);
    clickAndAwait(By.id("security:confirm-phone"), "security");
    return messages();
  }

  public String phoneStatus() {
    return visible(By.id("phone-status")).getText();
  }

  /** "Confirm this number": a code is sent to the number the firm gave. */
  public String confirmGivenPhone() {
    clickAndAwait(By.id("security:confirm-given-phone"), "security");
    return messages();
  }
}
