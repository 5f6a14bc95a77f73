package app.sesame.signin.boundary;

import app.sesame.support.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page that asks for the enrolment code an accountant handed over, after the password. */
public class EnrolmentCodePage extends Page {
  public EnrolmentCodePage(WebDriver driver) {
    super(driver);
  }

  public boolean isShown() {
    return driver.getCurrentUrl().endsWith("/login/enrolment-code.xhtml");
  }

  /** Types the code and sends it; the browser lands wherever the portal sends it. */
  public void enter(String code) {
    type(By.id("enrolment:code"), code);
    WebElement form = driver.findElement(By.id("enrolment"));
    visible(By.id("enrolment:verify")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
    loaded();
  }

  /** Whether the page says no code can be used any more. */
  public boolean saysNoCodeIsLeft() {
    return !driver.findElements(By.id("enrolment:no-valid-code")).isEmpty();
  }
}
