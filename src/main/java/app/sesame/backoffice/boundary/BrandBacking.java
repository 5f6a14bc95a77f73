package app.sesame.backoffice.boundary;

import app.sesame.firm.boundary.Brand;
import app.sesame.firm.control.Logos;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/**
 * The brand form of the firm page: name and colour, and the logo sent as a file. The file is read
 * no further than the largest logo kept, so a huge upload is refused without being held.
 */
@Named
@RequestScoped
public class BrandBacking {
  @Inject FirmBranding branding;
  @Inject Brand brand;

  private String name;
  private String accent;
  private Part file;
  private FirmBranding.Look look;

  public FirmBranding.Look getLook() {
    if (look == null) {
      look = branding.look();
    }
    return look;
  }

  public String getName() {
    return name == null ? getLook().name() : name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAccent() {
    return accent == null ? getLook().accent() : accent;
  }

  public void setAccent(String accent) {
    this.accent = accent == null ? "" : accent;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public void save() {
    try {
      branding.save(getName(), accent);
      changed();
      Messages.info("brand.saved");
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void upload() {
    try {
      branding.logo(read(file));
      changed();
      Messages.info("brand.logo.saved");
    } catch (UserError error) {
      Messages.error(error);
    } catch (IOException e) {
      Messages.error(
          new UserError("brand.error.logo.not-png-or-svg", Logos.MAX_BYTES / 1024, Logos.MAX_SIDE));
    }
  }

  public void removeLogo() {
    branding.removeLogo();
    changed();
    Messages.info("brand.logo.removed");
  }

  /** The page shows the brand as it now is, in this very response. */
  private void changed() {
    look = null;
    brand.forget();
  }

  private static byte[] read(Part part) throws IOException {
    if (part == null || part.getSize() == 0) {
      return new byte[0];
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(Logos.MAX_BYTES + 1);
    }
  }
}
