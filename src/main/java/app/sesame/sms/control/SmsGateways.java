package app.sesame.sms.control;

import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Chooses where SMS go: the HTTP provider when it is configured; otherwise, in the embedded mode,
 * the local outbox; otherwise nowhere, and every sending fails (the pages then say that codes
 * cannot be sent).
 */
@ApplicationScoped
public class SmsGateways {
  @Inject Settings settings;
  @Inject LocalSmsOutbox localOutbox;

  private SmsGateway gateway;

  @Produces
  synchronized SmsGateway gateway() {
    if (gateway == null) {
      gateway = choose();
    }
    return gateway;
  }

  /** Whether the local outbox is the gateway: only then may its page show it. */
  public boolean isLocal() {
    return gateway() == localOutbox;
  }

  private SmsGateway choose() {
    var provider = settings.smsProvider();
    if (provider.isPresent()) {
      var p = provider.get();
      return new TwilioGateway(p.baseUrl(), p.accountSid(), p.authToken(), p.sender());
    }
    if (settings.embedded()) {
      return localOutbox;
    }
    return (to, text) -> {
      throw new SmsGateway.SmsFailure("No SMS provider is configured (SESAME_SMS_*)", null);
    };
  }
}
