package app.sesame.onboarding.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rollout as the firm's accountants follow it on the dashboard: the figures, who is left and
 * the reminder they send them, and the charts drawn whole on a phone, a laptop and a wide screen.
 */
@ExtendWith(PortalServer.class)
class RolloutDashboardIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");

  private WebDriver browser;

  @BeforeEach
  void browser() {
    browser = SESSION.driver();
  }

  @AfterEach
  void laptopAgain() {
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  void theDashboardShowsWhoIsLeftAndRemindsThemAndItsChartsAreWholeAtEveryWidth() throws Exception {
    long firm = Fixtures.firm(Fixtures.unique("Cabinet"), false);
    Instant day = Instant.now().plus(Duration.ofDays(10));
    // Its reminder the day before only: none falls due while the test counts the one it sends.
    Fixtures.update(
        "update firm set second_factor_from = ?, rollout_reminder_days = '1' where id = ?",
        Timestamp.from(day),
        firm);
    Person accountant = Fixtures.person(firm, "ACCOUNTANT", "fr");
    for (int i = 0; i < 3; i++) {
      Fixtures.clientWithAuthenticator(firm, "fr");
    }
    List<Person> left =
        List.of(
            Fixtures.person(firm, "CLIENT", "fr"),
            Fixtures.person(firm, "CLIENT", "en"),
            Fixtures.person(firm, "CLIENT", "fr"));
    Fixtures.update(
        "insert into account (firm_id, email, display_name, role, status, language,"
            + " failed_sign_ins, created_at, version) values (?, ?, 'Invited', 'CLIENT',"
            + " 'INVITED', 'FR', 0, now(), 0)",
        firm,
        Fixtures.unique("invited") + "@sesame.test");

    SignInPage.signInFully(browser, accountant);
    browser.get(PortalServer.url("backoffice/dashboard.xhtml").toString());
    assertEquals("6", text("figure-active"));
    assertEquals("3", text("figure-protected"));
    assertEquals("3", text("figure-left"));
    assertEquals("1", text("figure-invited"));
    String named = text("left-named");
    for (Person person : left) {
      assertTrue(named.contains(person.name()), named);
    }

    for (int width : new int[] {375, 1280, 1920}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      browser.get(PortalServer.url("backoffice/dashboard.xhtml").toString());
      // As a person, or a screenshot tool, sees the page the moment it has loaded.
      BufferedImage loaded =
          ImageIO.read(
              new ByteArrayInputStream(
                  ((org.openqa.selenium.TakesScreenshot) browser)
                      .getScreenshotAs(OutputType.BYTES)));
      Rectangle ring =
          browser.findElement(By.cssSelector("[id='protected-chart'] canvas")).getRect();
      BufferedImage asLoaded =
          loaded.getSubimage(ring.getX(), ring.getY(), ring.getWidth(), ring.getHeight());
      ImageIO.write(
          asLoaded,
          "png",
          java.nio.file.Path.of("target", "screenshots", "dashboard-" + width + "-as-loaded.png")
              .toFile());
      wholeRing(asLoaded, "protected-chart at " + width + " px, as loaded");
      drawnWhole("protected-chart", width);
      Browser.screenshot(browser, "dashboard-" + width + "-protected");
      drawnWhole("rollout-form:rollout-chart", width);
      Browser.screenshot(browser, "dashboard-" + width + "-rollout");
    }

    browser.findElement(By.id("rollout-form:remind-left")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("rollout-form:rollout-messages"), "3 clients relancés"));
    for (Person person : left) {
      Mailbox.Mail reminder = Mailbox.await(person.email());
      assertTrue(
          reminder.subject().contains("obligatoire") || reminder.subject().contains("required"),
          reminder.subject());
      assertTrue(
          reminder.body().contains("/f/"), "a link to the firm's sign-in: " + reminder.body());
    }
    assertEquals(
        "3 clients, asked by an accountant",
        Fixtures.row(
                "select detail from audit_event where type = 'ROLLOUT_REMINDED' and firm_id = ?",
                firm)
            .get("detail"));
  }

  private String text(String id) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id(id)).getText().strip());
  }

  /**
   * The chart's canvas lies within its box and within the window, and what it draws is not cut at
   * the canvas's edges: its coloured pixels stop short of the left and the right edge, and a
   * doughnut is as wide as it is tall.
   */
  private void drawnWhole(String chartId, int width) throws Exception {
    WebElement canvas =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id='" + chartId + "'] canvas")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", canvas);
    Rectangle drawn = canvas.getRect();
    Rectangle box = browser.findElement(By.cssSelector("[id='" + chartId + "']")).getRect();
    long viewport =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth");
    String where =
        chartId + " at " + width + " px: canvas " + describe(drawn) + ", box " + describe(box);
    assertTrue(drawn.getWidth() > 100 && drawn.getHeight() > 100, where);
    assertTrue(drawn.getX() >= box.getX() - 1, where);
    assertTrue(drawn.getX() + drawn.getWidth() <= box.getX() + box.getWidth() + 1, where);
    assertTrue(drawn.getX() >= 0 && drawn.getX() + drawn.getWidth() <= viewport, where);

    // As a person sees it at first glance: the first picture that shows anything at all.
    BufferedImage image = firstDrawing(canvas);
    int left = image.getWidth();
    int right = -1;
    int top = image.getHeight();
    int bottom = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (coloured(image.getRGB(x, y))) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    where +=
        ", coloured pixels x "
            + left
            + "-"
            + right
            + " y "
            + top
            + "-"
            + bottom
            + " of "
            + image.getWidth()
            + "x"
            + image.getHeight();
    assertTrue(right > left, "something coloured is drawn: " + where);
    assertTrue(left > 0 && right < image.getWidth() - 1, "not cut at the sides: " + where);
    if (chartId.equals("protected-chart")) {
      wholeRing(image, where);
    }
  }

  /**
   * The ring is closed: found on a column by the canvas's middle (its top and bottom bands), then
   * looked at all around, every ten degrees, half-way through its thickness. Half a ring, or a ring
   * caught in its sweep-in animation, has coloured bands on the middle column but a gap around.
   */
  private static void wholeRing(BufferedImage image, String where) {
    // Just beside the middle: the white line between two halves runs down the middle itself.
    int x = image.getWidth() / 2 + Math.max(4, image.getWidth() / 30);
    int centreX = image.getWidth() / 2;
    List<Integer> rows = new java.util.ArrayList<>();
    for (int y = 0; y < image.getHeight(); y++) {
      if (coloured(image.getRGB(x, y))) {
        rows.add(y);
      }
    }
    assertTrue(rows.size() > 4, "a ring crosses the middle of its canvas: " + where);
    int top = rows.get(0);
    int inner = top;
    while (rows.contains(inner + 1)) {
      inner++;
    }
    int topInner = inner;
    int bottom = rows.stream().filter(y -> y > topInner + 1).findFirst().orElse(-1);
    int bottomOuter = bottom;
    while (rows.contains(bottomOuter + 1)) {
      bottomOuter++;
    }
    assertTrue(bottom > topInner, "the ring's lower band: " + where + " rows " + rows);
    double centreY = (top + bottomOuter) / 2.0;
    double radius = ((bottomOuter - top) / 2.0 + (bottom - topInner) / 2.0) / 2.0;
    // The two segments' thin white borders may fall on a sample; a gap in the ring takes several.
    int gaps = 0;
    boolean previous = false;
    boolean adjacent = false;
    StringBuilder missing = new StringBuilder();
    for (int degrees = 0; degrees <= 360; degrees += 10) {
      double angle = Math.toRadians(degrees);
      int px = (int) Math.round(centreX + radius * Math.sin(angle));
      int py = (int) Math.round(centreY - radius * Math.cos(angle));
      boolean gap = !coloured(image.getRGB(px, py));
      adjacent |= gap && previous;
      previous = gap;
      if (gap && degrees < 360) {
        gaps++;
        missing.append(degrees).append("° ");
      }
    }
    assertTrue(
        gaps <= 2 && !adjacent, "the whole ring is drawn (" + where + "); missing at " + missing);
  }

  private static BufferedImage firstDrawing(WebElement canvas) throws Exception {
    Instant deadline = Instant.now().plusSeconds(5);
    while (true) {
      BufferedImage image =
          ImageIO.read(new ByteArrayInputStream(canvas.getScreenshotAs(OutputType.BYTES)));
      if (colouredPixels(image) > 0 || Instant.now().isAfter(deadline)) {
        return image;
      }
    }
  }

  private static long colouredPixels(BufferedImage image) {
    long coloured = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if (coloured(image.getRGB(x, y))) {
          coloured++;
        }
      }
    }
    return coloured;
  }

  private static boolean coloured(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60;
  }

  private static String describe(Rectangle r) {
    return r.getX() + "," + r.getY() + " " + r.getWidth() + "x" + r.getHeight();
  }
}
