package app.sesame.onboarding.boundary;

import app.sesame.support.Page;
import app.sesame.support.PortalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The back-office's import page, as an accountant uses it. */
public class ImportPage extends Page {
  public ImportPage(WebDriver driver) {
    super(driver);
  }

  public static ImportPage open(WebDriver driver) {
    driver.get(PortalServer.url("backoffice/import.xhtml").toString());
    return new ImportPage(driver);
  }

  /** Chooses the file and reads it; the preview (or the upload form's message) follows. */
  public ImportPage read(Path file) {
    visible(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
    visible(By.id("upload:read")).click();
    loaded();
    return this;
  }

  /** "File x.csv, read as windows-1252, columns separated by semicolons." */
  public String readAs() {
    return text("read-as");
  }

  /** "300 rows: 288 to invite, 12 with a problem." */
  public String counts() {
    return text("counts");
  }

  public String problemCounts() {
    return text("problems");
  }

  /** Chooses the column a piece of information is read from, by its header, and reads again. */
  public void chooseColumn(int fieldIndex, String header) {
    choose("preview:fields:" + fieldIndex + ":column", header);
    WebElement table = visible(By.id("preview:rows"));
    visible(By.id("preview:remap")).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
  }

  /** Shows only the rows with a problem. */
  public void onlyProblems() {
    WebElement table = visible(By.id("preview:rows"));
    visible(By.cssSelector("#preview\\:problems-only .ui-toggleswitch-slider")).click();
    waiting().until(ExpectedConditions.stalenessOf(table));
  }

  /** The rows of the table as shown, each as its cells' text. */
  public List<List<String>> rows() {
    return visible(By.id("preview:rows_data")).findElements(By.tagName("tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  public void invite() {
    visible(By.id("preview:invite")).click();
    visible(By.id("progress-detail"));
  }

  /** Waits until the progress says the text (the page polls while invitations go out). */
  public String awaitProgress(String expected, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> d.findElement(By.id("progress-detail")).getText().contains(expected));
    return text("progress-detail");
  }

  public void downloadReport() {
    visible(By.id("preview:report")).click();
  }
}
