package app.sesame.security.boundary;

import app.sesame.account.control.AccountAudit;
import app.sesame.account.entity.Account;
import app.sesame.audit.control.AuditTrail;
import app.sesame.factor.boundary.BackupFactor;
import app.sesame.factor.boundary.Device;
import app.sesame.factor.boundary.SecondFactors;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.web.control.BrowserName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The state of a person's protection, as their home page sums it up: their devices and when each
 * was last used, the recovery codes left, the last sign-ins, and one suggestion at a time for what
 * would keep them from being locked out the day they lose their phone.
 */
@Stateless
public class HomeSummary {
  /** How many recent sign-ins the home page shows. */
  static final int SIGN_INS_SHOWN = 3;

  /** How long "not now" puts a suggestion off. */
  static final Period PUT_OFF = Period.ofDays(30);

  /** The suggestions, the most pressing first; the page shows the first that applies. */
  public enum Nudge {
    /**
     * No second factor, where the firm's rollout requires one from a day to come: shown at every
     * sign-in until then, and not put off.
     */
    ROLLOUT,
    /** Two recovery codes or fewer left (or none, with a device to back up). */
    NEW_CODES,
    /** No second factor at all, where the firm does not require one. */
    FIRST_FACTOR,
    /** One device only: losing it locks the person out. */
    SECOND_DEVICE,
    /** No passkey or security key, where the firm lets its clients sign in with a passkey. */
    PASSKEY
  }

  /** A sign-in as the home page lists it. */
  public record SignInSeen(Date time, String browser, String address) implements Serializable {
    public Date getTime() {
      return time;
    }

    public String getBrowser() {
      return browser;
    }

    public String getAddress() {
      return address;
    }
  }

  /** What the home page shows of the person's protection. */
  public record Summary(
      List<Device> devices,
      boolean codesOffered,
      int codesLeft,
      boolean fewCodes,
      List<SignInSeen> signIns,
      Nudge nudge,
      Date rolloutFrom)
      implements Serializable {
    /** The day from which the firm requires a second factor, while it is to come; else null. */
    public Date getRolloutFrom() {
      return rolloutFrom;
    }

    public List<Device> getDevices() {
      return devices;
    }

    /** Whether the firm offers recovery codes. */
    public boolean isCodesOffered() {
      return codesOffered;
    }

    public int getCodesLeft() {
      return codesLeft;
    }

    public boolean isFewCodes() {
      return fewCodes;
    }

    public List<SignInSeen> getSignIns() {
      return signIns;
    }

    /** The suggestion to show, or null. */
    public String getNudge() {
      return nudge == null ? null : nudge.name();
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SecondFactors factors;
  @Inject AuditTrail audit;

  public Summary of(long accountId) {
    Account account = em.find(Account.class, accountId);
    List<Device> devices = factors.devices(accountId);
    Optional<BackupFactor> backup =
        factors.backup().filter(codes -> codes.offeredBy(account.getFirm()));
    boolean offered = backup.isPresent();
    int left = backup.map(codes -> codes.remaining(accountId)).orElse(0);
    boolean few =
        offered && left <= SecurityPolicy.RECOVERY_CODES_LOW && (left > 0 || !devices.isEmpty());
    List<SignInSeen> signIns =
        audit.latest(accountId, AccountAudit.SIGN_IN_SUCCEEDED, SIGN_INS_SHOWN).stream()
            .map(
                e ->
                    new SignInSeen(
                        Date.from(e.getOccurredAt()),
                        BrowserName.of(e.getUserAgent()),
                        e.getAddress()))
            .toList();
    Date rolloutFrom =
        account
            .getFirm()
            .onboarding()
            .secondFactorFrom()
            .filter(from -> from.isAfter(clock.instant()))
            .filter(from -> !account.getFirm().isSecondFactorRequired())
            .map(Date::from)
            .orElse(null);
    return new Summary(
        devices,
        offered,
        left,
        few,
        signIns,
        nudge(account, devices, few, rolloutFrom != null).orElse(null),
        rolloutFrom);
  }

  /** Puts the suggestion off for a while ("not now"). */
  public void putOff(long accountId, Nudge nudge) {
    em.find(Account.class, accountId).nudges().dismiss(nudge.name(), today());
  }

  private Optional<Nudge> nudge(
      Account account, List<Device> devices, boolean fewCodes, boolean rollout) {
    Optional<String> keyType = factors.keys().map(k -> k.type());
    long keys = devices.stream().filter(d -> keyType.filter(d.type()::equals).isPresent()).count();
    boolean passkeys =
        factors.keys().filter(k -> k.passkeysOfferedBy(account.getFirm())).isPresent();
    return Arrays.stream(Nudge.values())
        .filter(
            n ->
                switch (n) {
                  case ROLLOUT -> rollout && devices.isEmpty();
                  case NEW_CODES -> fewCodes;
                  case FIRST_FACTOR -> devices.isEmpty();
                  case SECOND_DEVICE -> devices.size() == 1;
                  case PASSKEY -> passkeys && !devices.isEmpty() && keys == 0;
                })
        .filter(
            n ->
                n == Nudge.ROLLOUT
                    || account
                        .nudges()
                        .dismissedOn(n.name())
                        .map(day -> !day.plus(PUT_OFF).isAfter(today()))
                        .orElse(true))
        .findFirst();
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
