package app.sesame.signin.boundary;

import app.sesame.platform.RequestOrigin;
import app.sesame.platform.SecretBox;
import app.sesame.platform.SecurityPolicy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The browsers that completed a sign-in for an account: a cookie, signed with the portal's key,
 * listing the accounts (at most five) signed in from this browser and when. With it, the right
 * password passes the account's wait after wrong guesses made elsewhere: whoever guesses a person's
 * password cannot lock that person out. The address's own limit still applies.
 */
@Dependent
public class KnownDevices {
  public static final String COOKIE = "sesame_device";
  private static final String PURPOSE = "known-device";
  private static final int MAX_ACCOUNTS = 5;

  private record Mark(long accountId, long issuedAt, String mac) {
    String value() {
      return accountId + "~" + issuedAt + "~" + mac;
    }
  }

  @Inject HttpServletRequest request;
  @Inject SecretBox box;
  @Inject RequestOrigin origin;

  /**
   * Whether this browser signed in to the account in the last {@link SecurityPolicy#KNOWN_DEVICE}.
   */
  public boolean knows(long accountId, Instant now) {
    try {
      return marks(request).stream().anyMatch(m -> m.accountId() == accountId && valid(m, now));
    } catch (RuntimeException outsideRequest) {
      return false;
    }
  }

  /** Remembers this browser for the account, after a complete sign-in. */
  public void remember(HttpServletResponse response, long accountId, Instant now) {
    List<Mark> kept = new ArrayList<>();
    kept.add(new Mark(accountId, now.getEpochSecond(), mac(accountId, now.getEpochSecond())));
    marks(request).stream()
        .filter(m -> m.accountId() != accountId && valid(m, now))
        .limit(MAX_ACCOUNTS - 1L)
        .forEach(kept::add);
    Cookie cookie = new Cookie(COOKIE, String.join(".", kept.stream().map(Mark::value).toList()));
    cookie.setHttpOnly(true);
    cookie.setSecure(origin.secure());
    cookie.setPath("/");
    cookie.setMaxAge((int) SecurityPolicy.KNOWN_DEVICE.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  private boolean valid(Mark mark, Instant now) {
    Instant issued = Instant.ofEpochSecond(mark.issuedAt());
    return !issued.isAfter(now)
        && issued.plus(SecurityPolicy.KNOWN_DEVICE).isAfter(now)
        && MessageDigest.isEqual(
            mark.mac().getBytes(StandardCharsets.US_ASCII),
            mac(mark.accountId(), mark.issuedAt()).getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(long accountId, long issuedAt) {
    return box.keyedHash(accountId + ":" + issuedAt, PURPOSE);
  }

  private static List<Mark> marks(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return List.of();
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null)
        .flatMap(c -> Arrays.stream(c.getValue().split("\\.")))
        .limit(MAX_ACCOUNTS)
        .map(KnownDevices::parse)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<Mark> parse(String value) {
    String[] parts = value.split("~");
    if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(new Mark(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
  }
}
