package app.sesame.firm.boundary;

import app.sesame.firm.entity.Firm;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whose pages these are: the signed-in person's firm, or the firm whose address ({@code /f/slug/})
 * the browser came through; otherwise the portal's own. Pages show its name, logo and colour.
 */
@Named("brand")
@RequestScoped
public class Brand {
  private static final String PORTAL = "Sesame";

  @Inject CallerFirm caller;
  @Inject HttpServletRequest request;
  @PersistenceContext EntityManager em;

  private Optional<Shown> shown;

  /** What is shown of a firm; the logo's time names its version. */
  record Shown(String name, String slug, String accent, Instant logoAt) {}

  public boolean isKnown() {
    return shown().isPresent();
  }

  public String getName() {
    return shown().map(Shown::name).orElse(PORTAL);
  }

  /** The firm's colour {@code #rrggbb}, or null for the portal's own. */
  public String getAccent() {
    return shown().map(Shown::accent).orElse(null);
  }

  /** The address of the firm's logo, or null when it has none. */
  public String getLogoUrl() {
    return shown()
        .filter(s -> s.logoAt() != null)
        .map(
            s ->
                request.getContextPath()
                    + "/brand/"
                    + s.slug()
                    + "/logo?v="
                    + s.logoAt().toEpochMilli())
        .orElse(null);
  }

  /** Reads the brand again: it changed during this request. */
  public void forget() {
    shown = null;
  }

  private Optional<Shown> shown() {
    if (shown == null) {
      shown =
          caller.firmId().isPresent()
              ? find("f.id = :key", caller.firmId().get())
              : chosenFirm().flatMap(slug -> find("f.slug = :key", slug));
    }
    return shown;
  }

  private Optional<String> chosenFirm() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (FirmEntrance.COOKIE.equals(cookie.getName())
          && cookie.getValue().length() <= Firm.SLUG_MAX
          && Firm.SLUG.matcher(cookie.getValue()).matches()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private Optional<Shown> find(String condition, Object key) {
    List<Object[]> rows =
        em.createQuery(
                "select f.name, f.slug, f.accentColour, l.updatedAt from Firm f"
                    + " left join FirmLogo l on l.firmId = f.id"
                    + " where f.platform = false and "
                    + condition,
                Object[].class)
            .setParameter("key", key)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Shown((String) r[0], (String) r[1], (String) r[2], (Instant) r[3]));
  }
}
