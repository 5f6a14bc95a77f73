package app.sesame.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.sesame.account.boundary.NewLinkPage;
import app.sesame.support.Browser;
import app.sesame.support.Fixtures;
import app.sesame.support.Mailbox;
import app.sesame.support.PortalServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/** Mail survives an SMTP outage: it waits in the outbox and goes out once the server is back. */
@ExtendWith(PortalServer.class)
class OutboxDeliveryIT {
  private static Map<String, Object> outbox(String email) {
    return Fixtures.row(
        "select attempts, sent_at, last_error from outbox_mail where recipient = ?", email);
  }

  @Test
  void mailWaitsWhileSmtpIsDownAndGoesOutOnceItIsBack() throws InterruptedException {
    String email = Fixtures.invited("en");
    Mailbox.stop();
    try {
      WebDriver browser = Browser.open("en");
      try {
        browser.get(PortalServer.url("login/new-link.xhtml").toString());
        String answer = new NewLinkPage(browser).request(email);
        assertTrue(answer.contains("If an invitation is waiting"), answer);
      } finally {
        Browser.close(browser);
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (Instant.now().isBefore(deadline)
          && ((Number) outbox(email).get("attempts")).intValue() == 0) {
        Thread.sleep(250);
      }
      Map<String, Object> failed = outbox(email);
      assertTrue(((Number) failed.get("attempts")).intValue() >= 1, failed.toString());
      assertNull(failed.get("sent_at"));
      assertNotNull(failed.get("last_error"));
    } finally {
      Mailbox.start();
    }
    Mailbox.Mail mail = Mailbox.await(email, 1, Duration.ofSeconds(60));
    assertTrue(mail.body().contains("/login/activate.xhtml?token="), mail.body());
    assertNotNull(outbox(email).get("sent_at"));
    assertEquals(1, Mailbox.to(email).size(), "delivered once");
  }
}
