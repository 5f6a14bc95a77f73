package app.sesame.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test SMTP server and the fake SMS provider before the first integration test, so that
 * no portal started for the tests ever finds them missing. Unit test runs, which reserve no ports,
 * are left alone.
 */
public class MailboxSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.smtp.port") != null) {
      Mailbox.start();
    }
    if (System.getProperty("it.sms.port") != null) {
      FakeSmsProvider.start();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Mailbox.stop();
    FakeSmsProvider.stop();
  }
}
