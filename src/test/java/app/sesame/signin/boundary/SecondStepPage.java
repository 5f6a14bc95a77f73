package app.sesame.signin.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The second step of signing in: a code from the app, or a recovery code. */
public class SecondStepPage extends Page {
  public SecondStepPage(WebDriver driver) {
    super(driver);
  }

  public boolean isShown() {
    return driver.getCurrentUrl().contains("/login/second-step.xhtml");
  }

  /** Types the code and sends it; the browser lands wherever the portal sends it. */
  public void enter(String code) {
    type(By.id("second:code"), code);
    WebElement form = driver.findElement(By.id("second"));
    visible(By.id("second:verify")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
    loaded();
  }

  public void useRecoveryCode() {
    WebElement intro = visible(By.id("second-intro"));
    visible(By.id("second:use-recovery")).click();
    waiting().until(ExpectedConditions.stalenessOf(intro));
  }
}
