package app.sesame.signin.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The second step of signing in: a code from the app, a security key, or a recovery code. */
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

  /** "Use my security key": the browser's key answers; the browser lands where it is sent. */
  public void useKey() {
    String before = driver.getCurrentUrl();
    visible(By.id("second:use-key")).click();
    waiting()
        .until(
            d ->
                !d.getCurrentUrl().equals(before)
                    || !d.findElement(By.id("second:messages")).getText().isBlank());
    loaded();
  }

  public void useRecoveryCode() {
    WebElement intro = visible(By.id("second-intro"));
    visible(By.id("second:use-recovery")).click();
    waiting().until(ExpectedConditions.stalenessOf(intro));
  }
}
