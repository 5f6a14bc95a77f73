package app.sesame.oidc.control;

import app.sesame.audit.control.SecurityEvent;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.secrets.control.Tokens;
import app.sesame.web.control.UserError;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The apps of each firm: registered by its administrators (or an operator), each with addresses
 * checked here once so that the protocol can match them exactly; a confidential app's secret is
 * shown once and kept as its hash. Every change is audited in the firm's trail.
 */
@Stateless
public class Apps {
  /** The scopes an app may ask for; {@code openid} always. */
  public static final Set<String> SCOPES = Set.of("openid", "email", "profile", "offline_access");

  @PersistenceContext EntityManager em;
  @Inject Event<SecurityEvent> events;

  /** What an administrator types in to register an app. */
  public record Registration(
      String name,
      boolean confidential,
      String redirectUris,
      String postLogoutUris,
      String backchannelLogoutUri) {}

  /** A registered app, and its secret in clear if it has one: shown once, never again. */
  public record Registered(OidcApp app, Optional<String> secret) {}

  public List<OidcApp> ofFirm(long firmId) {
    return em.createQuery(
            "select a from OidcApp a where a.firmId = :firm order by a.name, a.id", OidcApp.class)
        .setParameter("firm", firmId)
        .getResultList();
  }

  public Optional<OidcApp> byClientId(String clientId) {
    if (clientId == null || clientId.length() > 43) {
      return Optional.empty();
    }
    return em.createQuery("select a from OidcApp a where a.clientId = :id", OidcApp.class)
        .setParameter("id", clientId)
        .getResultStream()
        .findFirst();
  }

  public Optional<OidcApp> byId(long id) {
    return Optional.ofNullable(em.find(OidcApp.class, id));
  }

  /** Registers an app of the firm; a bad field is a {@link UserError} and nothing is written. */
  public Registered register(long firmId, Long actorId, Registration form) {
    String name = form.name() == null ? "" : form.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new UserError("apps.error.name");
    }
    List<String> redirects = addresses(form.redirectUris(), "apps.error.redirect");
    if (redirects.isEmpty()) {
      throw new UserError("apps.error.redirect");
    }
    List<String> afterLogout = addresses(form.postLogoutUris(), "apps.error.post-logout");
    List<String> backchannel = addresses(form.backchannelLogoutUri(), "apps.error.backchannel");
    if (backchannel.size() > 1) {
      throw new UserError("apps.error.backchannel");
    }
    Instant now = Instant.now();
    OidcApp app =
        new OidcApp(
            firmId,
            Tokens.newToken().substring(0, 22),
            name,
            form.confidential(),
            redirects,
            afterLogout,
            backchannel.isEmpty() ? null : backchannel.get(0),
            String.join(" ", List.of("openid", "email", "profile", "offline_access")),
            now);
    Optional<String> secret = Optional.empty();
    if (form.confidential()) {
      secret = Optional.of(Tokens.newToken());
      app.changeSecret(Tokens.hash(secret.get()), now);
    }
    em.persist(app);
    em.flush();
    audit(OidcAudit.APP_REGISTERED, app, actorId);
    return new Registered(app, secret);
  }

  /** A new secret for a confidential app; the old one stops working at once. */
  public Optional<String> newSecret(long firmId, long appId, Long actorId) {
    Optional<OidcApp> app = byId(appId).filter(a -> a.getFirmId() == firmId);
    if (app.isEmpty() || !app.get().isConfidential()) {
      return Optional.empty();
    }
    String secret = Tokens.newToken();
    app.get().changeSecret(Tokens.hash(secret), Instant.now());
    audit(OidcAudit.APP_SECRET_CHANGED, app.get(), actorId);
    return Optional.of(secret);
  }

  /** Removes the app: its tokens stop working, its people sign in to it no more. */
  public boolean remove(long firmId, long appId, Long actorId) {
    Optional<OidcApp> app = byId(appId).filter(a -> a.getFirmId() == firmId);
    app.ifPresent(
        a -> {
          audit(OidcAudit.APP_REMOVED, a, actorId);
          em.remove(a);
        });
    return app.isPresent();
  }

  /** Records in the app's firm's trail a sign-in request of the app that was refused. */
  public void refused(OidcApp app, Long accountId, String reason) {
    events.fire(
        new SecurityEvent(
            OidcAudit.APP_SIGN_IN_REFUSED,
            app.getFirmId(),
            accountId,
            accountId,
            app.getName() + " — " + reason));
  }

  /** Whether the secret is the app's, compared in constant time. */
  public static boolean secretMatches(OidcApp app, String secret) {
    if (!app.isConfidential() || app.getSecretHash() == null || secret == null) {
      return false;
    }
    return MessageDigest.isEqual(
        app.getSecretHash().getBytes(StandardCharsets.US_ASCII),
        Tokens.hash(secret).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The addresses of a field, one per line: absolute, http or https, with a host, without a
   * fragment or credentials; at most ten.
   */
  static List<String> addresses(String text, String error) {
    Set<String> found = new LinkedHashSet<>();
    if (text != null) {
      for (String line : text.split("[\\r\\n]+")) {
        String address = line.strip();
        if (!address.isEmpty()) {
          found.add(checked(address, error));
        }
      }
    }
    if (found.size() > 10) {
      throw new UserError(error);
    }
    return new ArrayList<>(found);
  }

  private static String checked(String address, String error) {
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null
          || address.length() > 500) {
        throw new UserError(error);
      }
      return address;
    } catch (URISyntaxException e) {
      throw new UserError(error);
    }
  }

  private void audit(OidcAudit type, OidcApp app, Long actorId) {
    events.fire(new SecurityEvent(type, app.getFirmId(), actorId, null, app.getName()));
  }
}
