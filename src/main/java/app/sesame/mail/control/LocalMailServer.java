package app.sesame.mail.control;

import app.sesame.settings.control.Settings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * The SMTP server of the embedded mode: the portal delivers its mail to it through a real SMTP
 * conversation, and the local mailbox page shows what it received. It never starts outside the
 * embedded mode.
 */
@Startup
@Singleton
public class LocalMailServer {
  private static final Logger LOG = Logger.getLogger(LocalMailServer.class.getName());

  @Inject Settings settings;

  private GreenMail server;

  @PostConstruct
  void start() {
    if (!settings.embedded()) {
      return;
    }
    server =
        new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    LOG.info(
        () ->
            "Local SMTP server on 127.0.0.1:"
                + settings.smtpPort()
                + "; mail is readable at "
                + settings.baseUrl()
                + "/mailbox");
  }

  @PreDestroy
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  public boolean isRunning() {
    return server != null;
  }

  /** Every message received since start, newest first. */
  public List<MimeMessage> messages() {
    if (server == null) {
      return List.of();
    }
    List<MimeMessage> all = new ArrayList<>(List.of(server.getReceivedMessages()));
    Collections.reverse(all);
    return all;
  }
}
