package app.sesame.factor.boundary;

import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * What the apps and the keys sections share: the list of the owner's devices of one kind, and
 * renaming one in place. Removal and the rest differ, and stay with each section.
 */
public abstract class DeviceSection implements Serializable {
  @Inject protected FactorOwner owner;
  @Inject protected ProofBacking proof;

  private List<Device> devices;
  private Long renaming;
  private String newName;

  /** The kind of device the section shows. */
  protected abstract Devices<?> kind();

  public void load() {
    devices = kind().devices(owner.require());
  }

  public void startRename(long id, String current) {
    renaming = id;
    newName = current;
  }

  public void rename() {
    try {
      kind().rename(owner.require(), renaming, newName);
      renaming = null;
      Messages.info("security.renamed");
      load();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void cancelRename() {
    renaming = null;
  }

  protected List<Device> devices() {
    return devices;
  }

  public Long getRenaming() {
    return renaming;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
