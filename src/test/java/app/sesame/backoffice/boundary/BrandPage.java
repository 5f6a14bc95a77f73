package app.sesame.backoffice.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The brand form at the top of the firm page: name, colour and logo. */
public class BrandPage extends Page {
  public BrandPage(WebDriver driver) {
    super(driver);
  }

  public static BrandPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/firm.xhtml").toString());
    return new BrandPage(driver);
  }

  /** Saves a name and a colour; returns the brand form's message. */
  public String save(String name, String accent) {
    type(By.id("brand:brand-name"), name);
    type(By.id("brand:accent"), accent);
    return submit("brand:save-brand");
  }

  /** Sends a file as the logo; returns the brand form's message. */
  public String upload(Path file) {
    visible(By.id("brand:logo-file")).sendKeys(file.toAbsolutePath().toString());
    return submit("brand:upload-logo");
  }

  public String signInAddress() {
    return visible(By.id("brand-address")).getText();
  }

  public String fieldValue(String id) {
    return visible(By.id(id)).getAttribute("value");
  }

  /** The background colour of an element, as the browser computed it ("rgb(…)"). */
  public static String background(WebDriver driver, String id) {
    WebElement element = driver.findElement(By.id(id));
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript("return getComputedStyle(arguments[0]).backgroundColor", element);
  }

  /** The width of the top bar's logo as the browser decoded it; 0 when it shows none. */
  public static long logoWidth(WebDriver driver) {
    return (Long)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const img = document.querySelector('.topbar .brand-logo');"
                    + " return img && img.complete ? img.naturalWidth : 0;");
  }

  private String submit(String button) {
    WebElement before = visible(By.id(button));
    before.click();
    waiting().until(d -> !isAttached(before));
    loaded();
    return visible(By.id("brand:brand-messages")).getText();
  }

  private static boolean isAttached(WebElement element) {
    try {
      element.isDisplayed();
      return true;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return false;
    }
  }
}
