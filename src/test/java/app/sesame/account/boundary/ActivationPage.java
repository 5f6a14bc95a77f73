package app.sesame.account.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page an activation link opens. */
public class ActivationPage extends Page {
  public ActivationPage(WebDriver driver) {
    super(driver);
  }

  public static ActivationPage open(WebDriver driver, String link) {
    driver.get(link);
    return new ActivationPage(driver);
  }

  public String accountEmail() {
    return visible(By.id("account-email")).getText();
  }

  public boolean isMet(String rule) {
    return visible(By.cssSelector("li[data-rule='" + rule + "']"))
        .getAttribute("class")
        .contains(" met");
  }

  /** Types the password and waits for the rules to be checked again. */
  public void typePassword(String password) {
    String before = visible(By.id("activate:rules")).getText() + "|" + rulesState();
    type(By.id("activate:password"), password);
    waiting()
        .until(
            d ->
                !(d.findElement(By.id("activate:rules")).getText() + "|" + rulesState())
                        .equals(before)
                    || password.isEmpty());
  }

  /** Waits until the rule shows as met, or not. */
  public void awaitRule(String rule, boolean met) {
    waiting().until(d -> isMet(rule) == met);
  }

  private String rulesState() {
    return driver.findElements(By.cssSelector("li.rule")).stream()
        .map(li -> li.getAttribute("class"))
        .reduce("", String::concat);
  }

  public void confirm(String password) {
    type(By.id("activate:confirmation"), password);
  }

  /** Sends the form and waits for the page to show the answer. */
  public void submit() {
    WebElement page = driver.findElement(By.id("page"));
    visible(By.id("activate:submit")).click();
    waiting().until(ExpectedConditions.stalenessOf(page));
  }

  public String success() {
    return visible(By.id("done")).getText();
  }

  public String warning() {
    return visible(By.id("unusable")).getText();
  }

  public NewLinkPage askNewLink() {
    visible(By.id("ask-new-link")).click();
    return new NewLinkPage(driver);
  }
}
