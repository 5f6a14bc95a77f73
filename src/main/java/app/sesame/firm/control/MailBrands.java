package app.sesame.firm.control;

import app.sesame.firm.entity.Firm;
import app.sesame.mail.control.MailBrand;
import app.sesame.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** A firm's brand as its mails carry it, and the address of its own sign-in page. */
@ApplicationScoped
public class MailBrands {
  @PersistenceContext EntityManager em;
  @Inject Settings settings;

  /**
   * The firm's name, colour and PNG logo (an SVG logo is left out: mail programs do not show it).
   */
  public MailBrand of(Firm firm) {
    List<Instant> png =
        em.createQuery(
                "select l.updatedAt from FirmLogo l"
                    + " where l.firmId = :firm and l.contentType = 'image/png'",
                Instant.class)
            .setParameter("firm", firm.getId())
            .getResultList();
    String logo =
        png.isEmpty()
            ? null
            : settings.baseUrl()
                + "/brand/"
                + firm.getSlug()
                + "/logo?v="
                + png.get(0).toEpochMilli();
    return new MailBrand(firm.getName(), firm.getAccentColour(), logo);
  }

  /** The firm's sign-in page, which shows its brand: {@code /f/{slug}/}. */
  public String signInLink(Firm firm) {
    return settings.baseUrl() + "/f/" + firm.getSlug() + "/";
  }
}
