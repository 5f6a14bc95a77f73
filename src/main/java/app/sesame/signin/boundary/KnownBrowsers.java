package app.sesame.signin.boundary;

import app.sesame.account.entity.Account;
import app.sesame.secrets.control.Tokens;
import app.sesame.settings.control.SecurityPolicy;
import app.sesame.signin.entity.KnownBrowser;
import app.sesame.web.boundary.RequestOrigin;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The browsers accounts signed in from: a cookie holds, for each account signed in from this
 * browser (a few at most), a random token whose hash names a {@link KnownBrowser} row. The row, not
 * the cookie, holds what the browser earned, so that a copied cookie carries no more than the
 * original: its own count of wrong passwords, and nothing once the account's credentials changed.
 */
@Dependent
public class KnownBrowsers {
  public static final String COOKIE = "sesame_device";

  /** What a complete sign-in made of this browser. */
  public enum Seen {
    /** The account's first browser ever: nothing to announce. */
    FIRST,
    /** A browser the account has not signed in from before: its owner is told. */
    NEW,
    /** A browser it signed in from before. */
    AGAIN
  }

  private record Mark(long accountId, String token) {
    String value() {
      return accountId + "~" + token;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject HttpServletRequest request;
  @Inject RequestOrigin origin;

  /**
   * This browser, if it signed in to the account before and its patience holds; the row is locked
   * for the attempt under way.
   */
  public Optional<KnownBrowser> trusted(Account account, Instant now) {
    return find(account.getId(), true).filter(b -> b.isTrusted(account, now));
  }

  /**
   * Records a complete sign-in from this browser: trusted afresh from now, and named in its cookie.
   * Says whether the browser is new to the account.
   */
  public Seen remember(HttpServletResponse response, long accountId, Instant now) {
    Optional<KnownBrowser> found = find(accountId, true);
    List<Mark> kept = new ArrayList<>();
    Seen seen;
    if (found.isPresent()) {
      found.get().signedIn(now);
      kept.add(marks().stream().filter(m -> m.accountId() == accountId).findFirst().orElseThrow());
      seen = Seen.AGAIN;
    } else {
      boolean first =
          em.createQuery(
                      "select count(b) from KnownBrowser b where b.accountId = :account",
                      Long.class)
                  .setParameter("account", accountId)
                  .getSingleResult()
              == 0;
      String token = Tokens.newToken();
      em.persist(new KnownBrowser(accountId, Tokens.hash(token), origin.userAgent(), now));
      kept.add(new Mark(accountId, token));
      seen = first ? Seen.FIRST : Seen.NEW;
    }
    marks().stream()
        .filter(m -> m.accountId() != accountId)
        .limit(SecurityPolicy.KNOWN_ACCOUNTS_PER_BROWSER - 1L)
        .forEach(kept::add);
    Cookie cookie = new Cookie(COOKIE, String.join(".", kept.stream().map(Mark::value).toList()));
    cookie.setHttpOnly(true);
    cookie.setSecure(origin.secure());
    cookie.setPath("/");
    cookie.setMaxAge((int) SecurityPolicy.KNOWN_DEVICE.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
    return seen;
  }

  private Optional<KnownBrowser> find(long accountId, boolean lock) {
    Optional<Mark> mark;
    try {
      mark = marks().stream().filter(m -> m.accountId() == accountId).findFirst();
    } catch (RuntimeException outsideRequest) {
      return Optional.empty();
    }
    return mark.flatMap(
        m ->
            em.createQuery(
                    "select b from KnownBrowser b where b.tokenHash = :hash"
                        + " and b.accountId = :account",
                    KnownBrowser.class)
                .setParameter("hash", Tokens.hash(m.token()))
                .setParameter("account", accountId)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultStream()
                .findFirst());
  }

  private List<Mark> marks() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return List.of();
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()) && c.getValue() != null)
        .flatMap(c -> Arrays.stream(c.getValue().split("\\.")))
        .limit(SecurityPolicy.KNOWN_ACCOUNTS_PER_BROWSER)
        .map(KnownBrowsers::parse)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<Mark> parse(String value) {
    String[] parts = value.split("~");
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[\\w-]{20,64}")) {
      return Optional.empty();
    }
    return Optional.of(new Mark(Long.parseLong(parts[0]), parts[1]));
  }
}
