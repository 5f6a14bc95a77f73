package app.sesame.account.control;

import app.sesame.account.entity.Account;
import app.sesame.account.entity.AccountStatus;
import app.sesame.account.entity.ActionToken;
import app.sesame.account.entity.Role;
import app.sesame.account.entity.TokenPurpose;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.firm.control.MailBrands;
import app.sesame.firm.entity.Firm;
import app.sesame.language.control.Language;
import app.sesame.mail.control.MailTemplate;
import app.sesame.mail.control.Mailer;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.settings.control.Settings;
import app.sesame.web.control.UserError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings a person in: creates the invited account and e-mails the activation link, or sends a new
 * link to an account still waiting for its password. Callers check who may do it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Onboarding {
  /** Enough to refuse typing mistakes; the activation e-mail proves the address. */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Mailer mailer;
  @Inject MailBrands brands;
  @Inject Settings settings;
  @Inject Event<SecurityEvent> events;

  /**
   * Creates an invited account and sends it the activation link (see the other {@code invite}).
   *
   * @param actorId who invites; {@code null} when the portal itself does (first administrator)
   */
  public Optional<Account> invite(
      Firm firm, String name, String email, Role role, Language language, Long actorId) {
    return invite(firm, name, email, null, role, language, actorId);
  }

  /**
   * Creates an invited account, with the mobile number the firm gives (optional, unconfirmed), and
   * sends it the activation link. An address already used in another firm opens no second account
   * (an address is one account), and the inviter is not told so, which would reveal another firm's
   * client: the answer is empty, the caller says "invited" as usual, and the owner of the address
   * gets an e-mail naming the inviting firm and asking them to give it another address.
   */
  public Optional<Account> invite(
      Firm firm,
      String name,
      String email,
      String phone,
      Role role,
      Language language,
      Long actorId) {
    return invite(firm, name, email, phone, role, language, actorId, null);
  }

  /**
   * As above, the e-mail sent in its turn in a batch (an import's invitations); null sends at once.
   */
  public Optional<Account> invite(
      Firm firm,
      String name,
      String email,
      String phone,
      Role role,
      Language language,
      Long actorId,
      Mailer.Batch batch) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new UserError("invite.error.name");
    }
    if (!isAddress(email)) {
      throw new UserError("invite.error.email");
    }
    Optional<Account> existing = accounts.byEmail(email);
    if (existing.isPresent() && existing.get().getFirm().getId().equals(firm.getId())) {
      throw new UserError("invite.error.taken");
    }
    if (existing.isPresent()) {
      invitedElsewhere(existing.get(), firm, batch);
      return Optional.empty();
    }
    String mobile = null;
    if (phone != null && !phone.isBlank()) {
      mobile = PhoneNumbers.mobile(phone).orElseThrow(() -> new UserError("invite.error.phone"));
    }
    Account account = new Account(firm, email, name, role, language, Instant.now());
    account.mobile().given(mobile);
    em.persist(account);
    em.flush();
    sendActivationLink(account, AccountMails.INVITATION, batch);
    events.fire(
        new SecurityEvent(
            AccountAudit.ACCOUNT_INVITED, firm.getId(), actorId, account.getId(), role.name()));
    return Optional.of(account);
  }

  /** Whether the text may be an e-mail address (the activation e-mail proves it is one). */
  public static boolean isAddress(String email) {
    return email != null && email.strip().length() <= 254 && EMAIL.matcher(email.strip()).matches();
  }

  private void invitedElsewhere(Account owner, Firm inviting, Mailer.Batch batch) {
    Map<String, String> values =
        Map.of(
            "name", owner.getDisplayName(),
            "email", owner.getEmail(),
            "firm", inviting.getName());
    sender(batch)
        .send(
            owner.getEmail(),
            owner.getLanguage(),
            AccountMails.INVITED_ELSEWHERE,
            values,
            brands.of(owner.getFirm()));
    events.fire(
        SecurityEvent.own(
            AccountAudit.INVITED_ELSEWHERE,
            owner.getFirm().getId(),
            owner.getId(),
            "by another firm of the portal"));
  }

  /** Voids the open activation links of an invited account and e-mails a fresh one. */
  public void resendActivationLink(Account account, Long actorId) {
    if (account.getStatus() != AccountStatus.INVITED) {
      throw new UserError("invite.error.not-invited");
    }
    em.createNamedQuery(ActionToken.EXPIRE_OPEN)
        .setParameter("account", account)
        .setParameter("purpose", TokenPurpose.ACTIVATION)
        .setParameter("now", Instant.now())
        .executeUpdate();
    sendActivationLink(account, AccountMails.INVITATION, null);
    events.fire(
        new SecurityEvent(
            AccountAudit.INVITATION_RESENT,
            account.getFirm().getId(),
            actorId,
            account.getId(),
            null));
  }

  /**
   * Reminds an invited person whose only link is older than the firm's reminder delay and still
   * open: a fresh link in a reminder, once per invitation (a resent or requested link counts as
   * followed up). False when the account no longer qualifies (another node reminded it first).
   */
  public boolean remind(long accountId, Instant due) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    List<ActionToken> links =
        em.createNamedQuery(ActionToken.LATEST, ActionToken.class)
            .setParameter("account", account)
            .setParameter("purpose", TokenPurpose.ACTIVATION)
            .getResultList();
    Instant now = Instant.now();
    if (account.getStatus() != AccountStatus.INVITED
        || links.size() != 1
        || links.get(0).secret().createdAt().isAfter(due)
        || !links.get(0).secret().isOpen(now)) {
      return false;
    }
    links.get(0).secret().close(now);
    sendActivationLink(account, AccountMails.INVITATION_REMINDER, null);
    events.fire(
        new SecurityEvent(
            AccountAudit.INVITATION_REMINDED,
            account.getFirm().getId(),
            null,
            account.getId(),
            null));
    return true;
  }

  /**
   * Withdraws the invitation of an account that never activated: its links stop working and the
   * account goes, so that the address can be invited again. The audit keeps who it was.
   */
  public void withdraw(Account account, Long actorId) {
    if (account.getStatus() != AccountStatus.INVITED) {
      throw new UserError("invite.error.not-invited");
    }
    em.createNamedQuery(ActionToken.DELETE_ALL).setParameter("account", account).executeUpdate();
    em.createNativeQuery("delete from sms_code where account_id = ?")
        .setParameter(1, account.getId())
        .executeUpdate();
    events.fire(
        new SecurityEvent(
            AccountAudit.INVITATION_WITHDRAWN,
            account.getFirm().getId(),
            actorId,
            null,
            account.getDisplayName() + " <" + account.getEmail() + ">"));
    em.remove(account);
  }

  /**
   * A new activation link the invited person asked for on the sign-in page: sent unless the account
   * had {@link SecurityPolicy#REQUESTED_LINKS_PER_HOUR} links in the last hour; the links sent
   * before stay valid. Simultaneous requests for one account are counted one after the other.
   */
  public void sendRequestedLink(Account account, String address) {
    // Requests of one person arrive together: the account's row lock makes them count in turn.
    em.find(Account.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
    long recent =
        em.createNamedQuery(ActionToken.COUNT_SINCE, Long.class)
            .setParameter("account", account)
            .setParameter("purpose", TokenPurpose.ACTIVATION)
            .setParameter("since", Instant.now().minus(Duration.ofHours(1)))
            .getSingleResult();
    boolean sent = recent < SecurityPolicy.REQUESTED_LINKS_PER_HOUR;
    if (sent) {
      sendActivationLink(account, AccountMails.INVITATION, null);
    }
    events.fire(
        new SecurityEvent(
                sent ? AccountAudit.INVITATION_RESENT : AccountAudit.INVITATION_REFUSED,
                account.getFirm().getId(),
                null,
                account.getId(),
                sent ? "asked for on the sign-in page" : "too many links in the last hour")
            .from(address));
  }

  private void sendActivationLink(Account account, MailTemplate template, Mailer.Batch batch) {
    String token = Tokens.newToken();
    ActionToken stored =
        new ActionToken(
            account,
            TokenPurpose.ACTIVATION,
            Tokens.hash(token),
            Instant.now(),
            account.getFirm().onboarding().invitationValidity());
    em.persist(stored);
    Map<String, String> values =
        Map.of(
            "name", account.getDisplayName(),
            "firm", account.getFirm().getName(),
            "email", account.getEmail(),
            "link", settings.baseUrl() + AccountPages.ACTIVATE.path() + "?token=" + token,
            "expires", format(stored.getExpiresAt(), account.getLanguage()));
    sender(batch)
        .send(
            account.getEmail(),
            account.getLanguage(),
            template,
            values,
            brands.of(account.getFirm()));
  }

  /** The batch, which sends in turn, or the mailer, which sends at once. */
  private Mailer.Sender sender(Mailer.Batch batch) {
    return batch == null ? mailer::send : batch;
  }

  /** A date and time as people of that language write it, in the portal's time zone. */
  public static String format(Instant instant, Language language) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(language.locale())
        .withZone(ZoneId.systemDefault())
        .format(instant);
  }
}
