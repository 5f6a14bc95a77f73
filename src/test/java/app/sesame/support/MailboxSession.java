package app.sesame.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test SMTP server before the first integration test, so that no portal started for the
 * tests ever finds it missing. Unit test runs, which reserve no SMTP port, are left alone.
 */
public class MailboxSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.smtp.port") != null) {
      Mailbox.start();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Mailbox.stop();
  }
}
