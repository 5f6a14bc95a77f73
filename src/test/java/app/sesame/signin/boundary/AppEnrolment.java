package app.sesame.signin.boundary;

import app.sesame.support.Page;
import app.sesame.support.QrScanner;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The steps that set up an authenticator app (phone, QR code, first code, recovery codes), as the
 * setup page and the security page both show them.
 */
public class AppEnrolment extends Page {
  private String lastKeyUri;

  public AppEnrolment(WebDriver driver) {
    super(driver);
  }

  private void clickAndAwait(By button) {
    WebElement form = driver.findElement(By.id("enroll"));
    visible(button).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
  }

  /** Chooses the phone type and goes on to the QR code. */
  public AppEnrolment choosePhone(String label) {
    visible(By.xpath("//label[text()='" + label + "']")).click();
    clickAndAwait(By.id("enroll:next"));
    return this;
  }

  /** Reads the QR code off the page as a phone would, and returns the secret it carries. */
  public byte[] scanQrCode() {
    String src = visible(By.id("qr-code")).getAttribute("src");
    lastKeyUri = QrScanner.read(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
    for (String part : URI.create(lastKeyUri).getRawQuery().split("&")) {
      if (part.startsWith("secret=")) {
        return new Base32().decode(part.substring("secret=".length()));
      }
    }
    throw new AssertionError("No secret in " + lastKeyUri);
  }

  /** The text of the last QR code read. */
  public String lastKeyUri() {
    return lastKeyUri;
  }

  /** "Can't scan?": the key to type by hand. */
  public String manualKey() {
    clickAndAwait(By.id("enroll:cant-scan"));
    return visible(By.id("manual-key")).getText();
  }

  /** Names the device, types the code and verifies it; returns the page's messages. */
  public String verify(String deviceName, String code) {
    type(By.id("enroll:device-name"), deviceName);
    type(By.id("enroll:first-code"), code);
    clickAndAwait(By.id("enroll:verify"));
    return messages();
  }

  public List<String> recoveryCodes() {
    return visible(By.id("recovery-codes")).findElements(By.tagName("code")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Ticks "I have saved my codes" and goes on. */
  public void keepCodes() {
    visible(By.cssSelector("#enroll\\:codes-saved .ui-chkbox-box")).click();
    clickAndAwait(By.id("enroll:codes-kept"));
  }

  /** Leaves the finished setup on the security page, which loads afresh. */
  public void close() {
    WebElement apps = driver.findElement(By.id("security:apps"));
    visible(By.id("enroll:close")).click();
    waiting().until(ExpectedConditions.stalenessOf(apps));
  }

  /** Finishes a sign-in that had to set up a factor. */
  public void finishSignIn() {
    String before = driver.getCurrentUrl();
    visible(By.id("enroll:done")).click();
    waiting().until(d -> !d.getCurrentUrl().equals(before));
  }
}
