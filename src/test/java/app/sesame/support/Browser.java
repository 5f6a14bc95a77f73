package app.sesame.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium driven by the machine's own ChromeDriver; nothing is downloaded. */
public final class Browser {
  private Browser() {}

  /** A fresh browser whose preferred language is the given one ("fr", "en"). */
  public static WebDriver open(String acceptLanguage) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + tempDir());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    comeFrom(driver, ClientAddresses.next());
    return Accessibility.watch(driver);
  }

  /**
   * Closes a browser opened by {@link #open}, after checking that the pages it ended on pass the
   * accessibility rules.
   */
  public static void close(WebDriver driver) {
    try {
      Accessibility.assertNone(driver);
    } finally {
      Accessibility.forget(driver);
      driver.quit();
    }
  }

  /**
   * Makes the browser a client of its own address behind the portal's trusted proxy (the test
   * server trusts the loopback addresses, as it would trust a reverse proxy on the same host): each
   * browser of the suite is then counted apart by the per-address limits, as people are.
   */
  public static void comeFrom(WebDriver driver, String address) {
    org.openqa.selenium.chromium.HasCdp chrome = (org.openqa.selenium.chromium.HasCdp) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
  }

  /** Saves what the page shows, for a person to look at after the run. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path target = Path.of("target", "screenshots", name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("sesame-chromium").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
