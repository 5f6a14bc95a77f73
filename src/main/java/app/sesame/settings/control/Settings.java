package app.sesame.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the portal, read through MicroProfile Config: a system property {@code
 * sesame.smtp.host} or an environment variable {@code SESAME_SMTP_HOST} both work. The data source
 * settings are in {@code database.control.Database}, read at deployment. The README lists them all.
 */
@ApplicationScoped
public class Settings {
  @Inject
  @ConfigProperty(name = "sesame.embedded", defaultValue = "false")
  boolean embedded;

  @Inject
  @ConfigProperty(name = "sesame.demo-data", defaultValue = "false")
  boolean demoData;

  /** Whether this node is one of a cluster, whose limits live in the data grid. */
  @Inject
  @ConfigProperty(name = "sesame.cluster", defaultValue = "false")
  boolean cluster;

  @Inject
  @ConfigProperty(name = "sesame.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "sesame.smtp.host", defaultValue = "localhost")
  String smtpHost;

  @Inject
  @ConfigProperty(name = "sesame.smtp.port", defaultValue = "2525")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "sesame.smtp.user")
  Optional<String> smtpUser;

  @Inject
  @ConfigProperty(name = "sesame.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "sesame.smtp.starttls", defaultValue = "false")
  boolean smtpStartTls;

  @Inject
  @ConfigProperty(name = "sesame.mail.from", defaultValue = "Sesame <no-reply@localhost>")
  String mailFrom;

  @Inject
  @ConfigProperty(name = "sesame.mail.poll-seconds", defaultValue = "5")
  int mailPollSeconds;

  @Inject
  @ConfigProperty(name = "sesame.encryption-key")
  Optional<String> encryptionKey;

  @Inject
  @ConfigProperty(name = "sesame.work-dir", defaultValue = "sesame-work")
  String workDir;

  @Inject
  @ConfigProperty(name = "sesame.webauthn.rp-id")
  Optional<String> webauthnRpId;

  @Inject
  @ConfigProperty(name = "sesame.admin.email")
  Optional<String> adminEmail;

  @Inject
  @ConfigProperty(name = "sesame.admin.firm", defaultValue = "Mon cabinet")
  String adminFirm;

  @Inject
  @ConfigProperty(name = "sesame.operator.email")
  Optional<String> operatorEmail;

  @Inject
  @ConfigProperty(name = "sesame.operator.token")
  Optional<String> operatorToken;

  @Inject
  @ConfigProperty(name = "sesame.sms.twilio.base-url", defaultValue = "https://api.twilio.com")
  String smsBaseUrl;

  @Inject
  @ConfigProperty(name = "sesame.sms.twilio.account-sid")
  Optional<String> smsAccountSid;

  @Inject
  @ConfigProperty(name = "sesame.sms.twilio.auth-token")
  Optional<String> smsAuthToken;

  @Inject
  @ConfigProperty(name = "sesame.sms.twilio.sender")
  Optional<String> smsSender;

  @Inject
  @ConfigProperty(name = "sesame.trusted-proxies")
  Optional<String> trustedProxies;

  /** The one header the trusted proxies write: X-Forwarded-For, or Forwarded. */
  @Inject
  @ConfigProperty(name = "sesame.forwarded-header", defaultValue = "X-Forwarded-For")
  String forwardedHeader;

  @Inject
  @ConfigProperty(name = "sesame.security-log")
  Optional<String> securityLog;

  @Inject
  @ConfigProperty(name = "sesame.recent-proof")
  Optional<String> recentProof;

  /** How long a signed-in session lasts at most, however busy (ISO-8601). */
  @Inject
  @ConfigProperty(name = "sesame.session.lifetime", defaultValue = "PT12H")
  String sessionLifetime;

  /** How long a node asked to stop keeps serving while the load balancer takes notice. */
  @Inject
  @ConfigProperty(name = "sesame.stop.notice-seconds", defaultValue = "5")
  int stopNoticeSeconds;

  /** How long, at most, a node asked to stop waits for its requests, notice included. */
  @Inject
  @ConfigProperty(name = "sesame.stop.drain-seconds", defaultValue = "30")
  int stopDrainSeconds;

  private volatile TrustedProxies proxies;

  /** The account of the HTTP SMS provider (Twilio's Messages API). */
  public record SmsProvider(String baseUrl, String accountSid, String authToken, String sender) {}

  /** The zero-setup mode: local SMTP server, local mailbox page, generated key file. */
  public boolean embedded() {
    return embedded;
  }

  public boolean demoData() {
    return demoData;
  }

  public boolean cluster() {
    return cluster;
  }

  /** The address people reach the portal at, for links in e-mails; no trailing slash. */
  public String baseUrl() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String smtpHost() {
    return smtpHost;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public Optional<String> smtpUser() {
    return smtpUser.filter(s -> !s.isBlank());
  }

  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  public boolean smtpStartTls() {
    return smtpStartTls;
  }

  public String mailFrom() {
    return mailFrom;
  }

  public int mailPollSeconds() {
    return Math.max(1, mailPollSeconds);
  }

  /** The base64 of the 256-bit key that encrypts second-factor secrets at rest. */
  public Optional<String> encryptionKey() {
    return encryptionKey.filter(s -> !s.isBlank());
  }

  /** Where the embedded mode keeps what it generates (its key file). */
  public Path workDir() {
    return Path.of(workDir);
  }

  /**
   * The WebAuthn relying-party id: the portal's domain. Defaults to the host of the base URL, so
   * that security keys registered here work on every address of that domain.
   */
  public String webauthnRpId() {
    return webauthnRpId.filter(s -> !s.isBlank()).orElseGet(() -> URI.create(baseUrl()).getHost());
  }

  /** The origin browsers sign WebAuthn ceremonies for: the base URL without its path. */
  public String webauthnOrigin() {
    URI uri = URI.create(baseUrl());
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** The SMS provider, when its account SID, auth token and sender are all set. */
  public Optional<SmsProvider> smsProvider() {
    if (smsAccountSid.filter(s -> !s.isBlank()).isEmpty()
        || smsAuthToken.filter(s -> !s.isBlank()).isEmpty()
        || smsSender.filter(s -> !s.isBlank()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SmsProvider(
            smsBaseUrl.strip(),
            smsAccountSid.get().strip(),
            smsAuthToken.get().strip(),
            smsSender.get().strip()));
  }

  public Optional<String> adminEmail() {
    return adminEmail.filter(s -> !s.isBlank());
  }

  public String adminFirm() {
    return adminFirm;
  }

  /** The first platform operator, invited by e-mail at start while no operator exists. */
  public Optional<String> operatorEmail() {
    return operatorEmail.filter(s -> !s.isBlank()).map(String::strip);
  }

  /** The bearer token of the operators' API for IT's scripts; the API is off without it. */
  public Optional<String> operatorToken() {
    return operatorToken.filter(s -> !s.isBlank()).map(String::strip);
  }

  /**
   * The reverse proxies in front of the portal (addresses and CIDR ranges), and the one header they
   * write ({@code X-Forwarded-For} with {@code X-Forwarded-Proto}, or {@code Forwarded}), which is
   * believed from them; no proxy by default.
   */
  public TrustedProxies trustedProxies() {
    TrustedProxies parsed = proxies;
    if (parsed == null) {
      parsed =
          TrustedProxies.parse(
              trustedProxies.orElse(""), TrustedProxies.Header.named(forwardedHeader));
      proxies = parsed;
    }
    return parsed;
  }

  /** How long a proof of identity counts as recent before a sensitive change (ISO-8601). */
  public Duration stopNotice() {
    return Duration.ofSeconds(Math.max(0, stopNoticeSeconds));
  }

  public Duration stopDrainLimit() {
    return Duration.ofSeconds(Math.max(stopNoticeSeconds, stopDrainSeconds));
  }

  /** The absolute lifetime of a signed-in session, on top of the idle limit (12 hours). */
  public Duration sessionLifetime() {
    return Duration.parse(sessionLifetime.strip());
  }

  String sessionLifetimeText() {
    return sessionLifetime;
  }

  Optional<String> recentProofText() {
    return recentProof.filter(s -> !s.isBlank());
  }

  public Duration recentProof() {
    return recentProof
        .filter(s -> !s.isBlank())
        .map(s -> Duration.parse(s.strip()))
        .orElse(SecurityPolicy.FRESH_PROOF);
  }

  /**
   * Where the security events go as JSON lines for IT's SIEM: a file path, or {@code log} for the
   * server log; nowhere when unset.
   */
  public Optional<String> securityLog() {
    return securityLog.filter(s -> !s.isBlank()).map(String::strip);
  }
}
