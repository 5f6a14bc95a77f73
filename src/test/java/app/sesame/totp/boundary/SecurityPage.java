package app.sesame.totp.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The "Account security" page, with its authenticator setup. */
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

  public void addApp() {
    clickAndAwait(By.id("security:add-app"), "enroll");
  }

  /** Chooses the phone type and goes on to the QR code. */
  public void choosePhone(String label) {
    visible(By.xpath("//label[text()='" + label + "']")).click();
    clickAndAwait(By.id("enroll:next"), "enroll");
  }

  /** Reads the QR code off the page as a phone would, and returns the secret it carries. */
  public byte[] scanQrCode() {
    String src = visible(By.id("qr-code")).getAttribute("src");
    try {
      byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
      var image = ImageIO.read(new ByteArrayInputStream(png));
      String text =
          new MultiFormatReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
              .getText();
      lastKeyUri = text;
      String query = URI.create(text).getRawQuery();
      for (String part : query.split("&")) {
        if (part.startsWith("secret=")) {
          return new Base32().decode(part.substring("secret=".length()));
        }
      }
      throw new AssertionError("No secret in " + text);
    } catch (java.io.IOException | com.google.zxing.NotFoundException e) {
      throw new AssertionError("The QR code could not be read", e);
    }
  }

  private String lastKeyUri;

  public String lastKeyUri() {
    return lastKeyUri;
  }

  /** "Can't scan?": the key to type by hand. */
  public String manualKey() {
    clickAndAwait(By.id("enroll:cant-scan"), "enroll");
    return visible(By.id("manual-key")).getText();
  }

  /** Names the device, types the code and verifies it; returns the page's messages. */
  public String verify(String deviceName, String code) {
    type(By.id("enroll:device-name"), deviceName);
    type(By.id("enroll:first-code"), code);
    clickAndAwait(By.id("enroll:verify"), "enroll");
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
    clickAndAwait(By.id("enroll:codes-kept"), "enroll");
  }

  /** Leaves the finished setup; the page loads afresh. */
  public void done() {
    WebElement apps = driver.findElement(By.id("security:apps"));
    visible(By.id("enroll:close")).click();
    waiting().until(ExpectedConditions.stalenessOf(apps));
  }

  /** Finishes a sign-in that had to set up a factor. */
  public void doneSigningIn() {
    String before = driver.getCurrentUrl();
    visible(By.id("enroll:done")).click();
    waiting().until(d -> !d.getCurrentUrl().equals(before));
  }

  public String appsTable() {
    return visible(By.id("security:apps")).getText();
  }

  public String codesLeft() {
    return visible(By.id("codes-left")).getText();
  }

  /** Resets the first app listed, confirming the dialog. */
  public void resetFirstApp() {
    visible(By.cssSelector("[id$=':reset']")).click();
    WebElement form = driver.findElement(By.id("enroll"));
    visible(By.cssSelector(".ui-confirmdialog-yes")).click();
    waiting().until(ExpectedConditions.stalenessOf(form));
  }

  public void removeFirstApp() {
    visible(By.cssSelector("[id$=':remove']")).click();
    WebElement table = driver.findElement(By.id("security:apps"));
    visible(By.cssSelector(".ui-confirmdialog-yes")).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
  }

  public boolean isAskingForProof() {
    return !driver.findElements(By.id("security:proof")).isEmpty();
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
