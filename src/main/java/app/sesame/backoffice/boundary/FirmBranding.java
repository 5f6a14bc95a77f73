package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.Caller;
import app.sesame.account.boundary.CurrentCaller;
import app.sesame.account.entity.Role;
import app.sesame.audit.control.SecurityEvent;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.firm.control.Contrast;
import app.sesame.firm.control.Logos;
import app.sesame.firm.entity.Firm;
import app.sesame.firm.entity.FirmLogo;
import app.sesame.settings.control.Settings;
import app.sesame.web.control.UserError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;

/**
 * A firm administrator's choices for the firm's brand: the name its people see, its colour (only
 * one readable at WCAG AA) and its logo (only a checked PNG or SVG). Each change is audited.
 */
@Stateless
@RolesAllowed(Role.GROUP_FIRM_ADMIN)
public class FirmBranding {
  /** The brand as the page edits it. */
  public record Look(String name, String accent, boolean hasLogo, String address) {}

  @PersistenceContext EntityManager em;
  @Inject CurrentCaller caller;
  @Inject Settings settings;
  @Inject Event<SecurityEvent> events;

  public Look look() {
    Firm firm = firm();
    FirmLogo logo = em.find(FirmLogo.class, firm.getId());
    return new Look(
        firm.getName(),
        firm.getAccentColour(),
        logo != null,
        settings.baseUrl() + "/f/" + firm.getSlug() + "/");
  }

  /**
   * Saves the firm's name and colour. A colour that is not {@code #rrggbb}, or not readable as
   * white text on it and as text on white, is refused with its measured ratio; an empty colour
   * gives back the portal's own.
   */
  public void save(String name, String accent) {
    if (name == null || name.isBlank()) {
      throw new UserError("brand.error.name");
    }
    if (name.strip().length() > 200) {
      throw new UserError("brand.error.name-long");
    }
    String colour = null;
    if (accent != null && !accent.isBlank()) {
      colour = Contrast.normalise(accent);
      if (colour == null) {
        throw new UserError("brand.error.colour");
      }
      double ratio = Contrast.ratio(colour, "#ffffff");
      if (ratio < Contrast.AA_TEXT) {
        throw new UserError("brand.error.contrast", String.format(Locale.ROOT, "%.1f", ratio));
      }
    }
    Firm firm = firm();
    firm.rename(name);
    firm.setAccentColour(colour);
    fire("name " + firm.getName() + ", colour " + (colour == null ? "portal" : colour));
  }

  /** Keeps a logo once it passed the checks; says why it was refused otherwise. */
  public void logo(byte[] file) {
    Logos.Checked checked = Logos.check(file);
    if (!checked.accepted()) {
      throw new UserError(
          "brand.error.logo." + checked.refusal().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          Logos.MAX_BYTES / 1024,
          Logos.MAX_SIDE);
    }
    Firm firm = firm();
    FirmLogo logo = em.find(FirmLogo.class, firm.getId());
    if (logo == null) {
      em.persist(
          new FirmLogo(firm.getId(), checked.contentType(), checked.content(), Instant.now()));
    } else {
      logo.replace(checked.contentType(), checked.content(), Instant.now());
    }
    fire("logo " + checked.contentType() + ", " + checked.content().length + " bytes");
  }

  public void removeLogo() {
    Firm firm = firm();
    FirmLogo logo = em.find(FirmLogo.class, firm.getId());
    if (logo != null) {
      em.remove(logo);
      fire("logo removed");
    }
  }

  private Firm firm() {
    return em.find(Firm.class, caller.require().firmId());
  }

  private void fire(String detail) {
    Caller admin = caller.require();
    events.fire(
        new SecurityEvent(
            BackofficeAudit.BRAND_CHANGED, admin.firmId(), admin.accountId(), null, detail));
  }
}
