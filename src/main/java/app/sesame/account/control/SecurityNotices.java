package app.sesame.account.control;

import app.sesame.account.entity.Account;
import app.sesame.firm.control.MailBrands;
import app.sesame.mail.control.MailTemplate;
import app.sesame.mail.control.Mailer;
import app.sesame.settings.control.Settings;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the owner of an account, by e-mail in their language, that something changed in how they
 * sign in: when, from which address, and what to do if it was not them.
 */
@ApplicationScoped
public class SecurityNotices {
  @Inject Mailer mailer;
  @Inject Settings settings;
  @Inject RequestOrigin origin;
  @Inject MailBrands brands;

  public void send(Account account, MailTemplate template, Map<String, String> details) {
    Map<String, String> values = new HashMap<>(details);
    values.put("name", account.getDisplayName());
    values.put("email", account.getEmail());
    values.put("firm", account.getFirm().getName());
    values.put("time", Onboarding.format(Instant.now(), account.getLanguage()));
    values.put("address", origin.address());
    values.put("link", brands.signInLink(account.getFirm()));
    mailer.send(
        account.getEmail(), account.getLanguage(), template, values, brands.of(account.getFirm()));
  }
}
