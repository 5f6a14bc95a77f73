package app.sesame.oidc.control;

import app.sesame.account.boundary.Callers;
import app.sesame.account.control.SessionRegistry;
import app.sesame.account.entity.PortalSession;
import app.sesame.oidc.entity.Grant;
import app.sesame.settings.control.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Whether the portal session a grant came from still stands, by the very rules the portal's own
 * pages apply to it: its row open, not idle too long, not older than the absolute lifetime, the
 * account still allowed in, its sessions not ended since, its firm not suspended.
 */
@Stateless
public class SessionBinding {
  @Inject SessionRegistry registry;
  @Inject Callers callers;
  @Inject Settings settings;

  public boolean stands(Grant grant, Instant now) {
    Optional<PortalSession> session = registry.byHandle(grant.getSessionHandle());
    return session.isPresent()
        && session.get().getAccountId() == grant.getAccountId()
        && !session.get().getLastSeenAt().isBefore(now.minus(SessionRegistry.IDLE_LIMIT))
        && session.get().getSignedInAt().isAfter(now.minus(settings.sessionLifetime()))
        && callers.current(grant.getAccountId(), session.get().getSignedInAt()).isPresent();
  }

  /**
   * The session's identifier as the apps know it ({@code sid}): derived from the handle, which
   * itself never leaves the portal.
   */
  public static String sid(String handle) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("sid:" + handle).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
