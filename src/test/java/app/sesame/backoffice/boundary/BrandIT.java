package app.sesame.backoffice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.BrowserSession;
import app.sesame.support.Fixtures;
import app.sesame.support.Fixtures.Person;
import app.sesame.support.HttpBrowser;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A firm administrator gives the firm its name, colour and logo; what cannot be read or could act
 * is refused and changes nothing; the firm's own address, its portal and its mails then carry the
 * brand.
 */
@ExtendWith(PortalServer.class)
class BrandIT {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession("fr-CA,fr");
  private static final String TEAL = "rgb(15, 110, 110)";

  @TempDir Path files;

  private final WebDriver browser = SESSION.driver();

  private static Map<String, Object> firm(long id) {
    return Fixtures.row(
        "select name, slug, accent_colour, (select count(*) from firm_logo where firm_id = f.id)"
            + " as logos from firm f where id = ?",
        id);
  }

  @Test
  void picturesAnnouncingMillionsOfPixelsAreRefusedFromTheirHeaderEvenSentAtOnce()
      throws Exception {
    long firmId = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firmId, "FIRM_ADMIN", "en");
    // 14,000 × 14,000 black pixels, in under 200 KB: 186 MiB once decoded.
    byte[] bomb = app.sesame.support.Pngs.black(14_000, 14_000);
    List<HttpBrowser> admins = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpBrowser browser = new HttpBrowser();
      browser.signIn(admin);
      browser.get("backoffice/firm.xhtml");
      admins.add(browser);
    }
    long heapBefore = usedHeap();
    java.util.concurrent.ExecutorService together =
        java.util.concurrent.Executors.newFixedThreadPool(admins.size());
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
      for (HttpBrowser browser : admins) {
        answers.add(
            together.submit(
                () ->
                    browser.submitWithFile(
                        "backoffice/firm.xhtml",
                        Map.of("brand", "brand", "brand:upload-logo", ""),
                        "brand:logo-file",
                        "black.png",
                        bomb)));
      }
      for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
        String page = answer.get(60, java.util.concurrent.TimeUnit.SECONDS).body();
        assertTrue(page.contains("pixels on a side or a million pixels in all"), page);
      }
    } finally {
      together.shutdownNow();
    }
    long heapAfter = usedHeap();
    assertTrue(
        heapAfter - heapBefore < 64L * 1024 * 1024,
        "the heap did not take the pictures: "
            + heapBefore / 1_048_576
            + " MiB before, "
            + heapAfter / 1_048_576
            + " after");
    assertEquals(0L, ((Number) firm(firmId).get("logos")).longValue(), "no logo kept");
  }

  /** The portal's heap in use, as its metrics give it. */
  private static long usedHeap() throws Exception {
    String metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(PortalServer.url("metrics?scope=base"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher used =
        java.util.regex.Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E]+)$")
            .matcher(metrics);
    if (!used.find()) {
      throw new AssertionError("no heap figure in the metrics: " + metrics.substring(0, 500));
    }
    return (long) Double.parseDouble(used.group(1));
  }

  @Test
  void anAdministratorBrandsTheFirmAndWhatIsUnreadableOrActiveIsRefused() throws Exception {
    long firmId = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firmId, "FIRM_ADMIN", "fr");
    String slug = (String) firm(firmId).get("slug");
    SignInPage.signInFully(browser, admin);
    BrandPage page = BrandPage.open(browser);
    assertEquals(PortalServer.url("f/" + slug + "/").toString(), page.signInAddress());

    // PrimeFaces' former blue: white on it is 3.1:1, under AA.
    String refused = page.save("Cabinet Lumière", "#2196f3");
    assertTrue(refused.contains("3.1:1") && refused.contains("4,5:1"), refused);
    String notAColour = page.save("Cabinet Lumière", "bleu");
    assertTrue(notAColour.contains("#rrggbb"), notAColour);
    assertNull(firm(firmId).get("accent_colour"), "nothing saved");
    assertEquals(TEAL, BrandPage.background(browser, "brand:save-brand"));

    String saved = page.save("Cabinet Lumière", "#1D4ED8");
    assertTrue(saved.contains("enregistrée"), saved);
    assertEquals("#1d4ed8", firm(firmId).get("accent_colour"));
    assertEquals("Cabinet Lumière", firm(firmId).get("name"));
    assertEquals("rgb(29, 78, 216)", BrandPage.background(browser, "brand:save-brand"));
    assertTrue(browser.findElement(By.cssSelector(".topbar .brand")).getText().contains("Lumière"));

    Path script = files.resolve("logo.svg");
    Files.writeString(
        script,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\">"
            + "<rect width=\"10\" height=\"10\"/></svg>");
    String active = page.upload(script);
    assertTrue(active.contains("SVG") && active.contains("refusé"), active);
    Path huge = files.resolve("huge.png");
    Files.write(huge, new byte[300 * 1024]);
    String tooBig = page.upload(huge);
    assertTrue(tooBig.contains("200 Ko"), tooBig);
    Path text = files.resolve("notes.png");
    Files.writeString(text, "not a picture", StandardCharsets.UTF_8);
    String unreadable = page.upload(text);
    assertTrue(unreadable.contains("PNG ou SVG"), unreadable);
    assertEquals(0L, ((Number) firm(firmId).get("logos")).longValue(), "no logo kept");

    String uploaded = page.upload(logo(files.resolve("logo.png")));
    assertTrue(uploaded.contains("Le logo est enregistré"), uploaded);
    assertEquals(160L, BrandPage.logoWidth(browser));
    Browser.screenshot(browser, "brand-firm-page");
    HttpResponse<byte[]> served = new HttpBrowser().bytes("brand/" + slug + "/logo");
    assertEquals(200, served.statusCode());
    assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
    assertEquals(
        1L,
        ((Number)
                Fixtures.row(
                        "select count(*) as n from audit_event where firm_id = ? and type = ?"
                            + " and detail like 'logo image/png%'",
                        firmId, "BRAND_CHANGED")
                    .get("n"))
            .longValue());
  }

  @Test
  void theFirmsAddressItsPortalAndItsMailsCarryTheBrand() throws Exception {
    long firmId = Fixtures.firm(Fixtures.unique("Cabinet"), true);
    Person admin = Fixtures.person(firmId, "FIRM_ADMIN", "fr");
    String slug = (String) firm(firmId).get("slug");
    SignInPage.signInFully(browser, admin);
    BrandPage page = BrandPage.open(browser);
    page.save("Fiducie Horizon", "#7c2d12");
    page.upload(logo(files.resolve("logo.png")));

    // A client invited now gets the firm's mail.
    String email = Fixtures.unique("brand") + "@exemple.test";
    ClientsPage.open(browser).invite("Noé Lambert", email, "Français");
    Mailbox.Mail invitation = Mailbox.await(email);
    assertEquals("Fiducie Horizon via Sesame", invitation.senderName());
    assertNotNull(invitation.html());
    assertTrue(invitation.html().contains("background:#7c2d12"), invitation.html());
    assertTrue(invitation.html().contains("/brand/" + slug + "/logo?v="), invitation.html());
    assertTrue(invitation.html().contains("alt=\"Fiducie Horizon\""), invitation.html());

    // The same page in English refuses a light yellow, saying its ratio.
    browser.get(PortalServer.url("backoffice/firm.xhtml?lang=en").toString());
    assertEquals("Firm brand", browser.findElement(By.cssSelector("#brand h2")).getText());
    String english = new BrandPage(browser).save("Fiducie Horizon", "#ffcc00");
    assertTrue(english.contains("contrast of only 1.5:1"), english);

    // Somebody arriving through the firm's address sees its sign-in page.
    browser.manage().deleteAllCookies();
    browser.get(PortalServer.url("f/" + slug + "/").toString());
    assertTrue(browser.getCurrentUrl().endsWith("/login/sign-in.xhtml"), browser.getCurrentUrl());
    assertTrue(
        browser
            .findElement(By.cssSelector(".topbar .brand"))
            .getText()
            .contains("Fiducie Horizon"));
    assertTrue(browser.getTitle().endsWith("· Fiducie Horizon"), browser.getTitle());
    assertEquals(160L, BrandPage.logoWidth(browser));
    assertEquals("rgb(124, 45, 18)", BrandPage.background(browser, "signin:submit"));
    Browser.screenshot(browser, "brand-sign-in");

    // The plain sign-in page keeps the firm the browser came through; an unknown firm is not found.
    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    assertEquals("rgb(124, 45, 18)", BrandPage.background(browser, "signin:submit"));
    assertEquals(404, new HttpBrowser().get("f/no-such-firm/").statusCode());
    browser.get(PortalServer.url("f/no-such-firm/").toString());
    assertEquals("Page introuvable", browser.findElement(By.id("error-title")).getText());
    browser.manage().deleteAllCookies();
    browser.get(PortalServer.url("login/sign-in.xhtml").toString());
    assertEquals(TEAL, BrandPage.background(browser, "signin:submit"));
    assertTrue(browser.getTitle().endsWith("· Sesame"), browser.getTitle());
  }

  /** A 160 × 48 PNG: a dark square and a band, as a small logo would be. */
  private static Path logo(Path file) throws IOException {
    BufferedImage image = new BufferedImage(160, 48, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1d4ed8));
    g.fillRect(0, 0, 48, 48);
    g.fillRect(56, 18, 100, 12);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
