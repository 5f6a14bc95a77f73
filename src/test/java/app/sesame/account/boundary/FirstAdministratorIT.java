package app.sesame.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.signin.boundary.SignInPage;
import app.sesame.support.Browser;
import app.sesame.support.Fixtures;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * On an empty production database the first firm administrator, named in the configuration, is
 * invited by e-mail and gets into the back-office once the password is chosen.
 */
@ExtendWith(PortalServer.class)
class FirstAdministratorIT {
  private static final String ADMIN = "first.admin@sesame.test";

  @Test
  void theConfiguredAdministratorIsInvitedAndMustSetUpASecondFactor() {
    Map<String, Object> account =
        Fixtures.row("select role, status from account where email = ?", ADMIN);
    assertEquals("FIRM_ADMIN", account.get("role"));

    Mailbox.Mail invitation = Mailbox.await(ADMIN, 1, Duration.ofSeconds(60));
    String link = invitation.link("/login/activate.xhtml?token=");
    WebDriver browser = Browser.open("fr");
    try {
      ActivationPage activation = ActivationPage.open(browser, link);
      activation.typePassword("Soleil-Rouge-2026");
      activation.awaitRule("MIN_LENGTH", true);
      activation.confirm("Soleil-Rouge-2026");
      activation.submit();
      assertTrue(activation.success().contains("activé"), activation.success());
      SignInPage.open(browser).signIn(ADMIN, "Soleil-Rouge-2026");
      assertTrue(
          browser.getCurrentUrl().endsWith("/login/setup.xhtml"),
          "staff must set up a second factor first: " + browser.getCurrentUrl());
      browser.get(PortalServer.url("backoffice/index.xhtml").toString());
      assertTrue(browser.getCurrentUrl().endsWith("/login/setup.xhtml"), browser.getCurrentUrl());
    } finally {
      Browser.close(browser);
    }
  }
}
