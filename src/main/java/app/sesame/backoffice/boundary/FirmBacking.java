package app.sesame.backoffice.boundary;

import app.sesame.account.entity.Role;
import app.sesame.platform.Language;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The firm administrators' page: the clients' sign-in policy and the firm's accountants. */
@Named
@ViewScoped
public class FirmBacking implements Serializable {
  @Inject transient FirmSettings settings;

  private FirmSettings.Policy policy;
  private List<FirmSettings.Staff> staff;
  private String name;
  private String email;
  private Role role = Role.ACCOUNTANT;
  private Language language = Language.FR;

  public void load() {
    policy = settings.policy();
    staff = settings.staff();
  }

  public void savePolicy() {
    try {
      settings.changePolicy(policy);
      Messages.info("firm.policy.saved");
    } catch (UserError error) {
      Messages.error(error);
      policy = settings.policy();
    }
  }

  public void invite() {
    try {
      settings.inviteAccountant(name, email, role, language);
      Messages.info("clients.invited", email);
      name = null;
      email = null;
      staff = settings.staff();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void changeRole(long id, Role newRole) {
    act(() -> settings.changeRole(id, newRole), "firm.role.changed");
  }

  public void disable(long id) {
    act(() -> settings.disable(id), "client.disabled");
  }

  public void enable(long id) {
    act(() -> settings.enable(id), "client.enabled");
  }

  private void act(Runnable action, String doneKey) {
    try {
      action.run();
      Messages.info(doneKey);
    } catch (UserError error) {
      Messages.error(error);
    }
    staff = settings.staff();
  }

  public Role[] getStaffRoles() {
    return new Role[] {Role.ACCOUNTANT, Role.FIRM_ADMIN};
  }

  public Language[] getLanguages() {
    return Language.values();
  }

  public FirmSettings.Policy getPolicy() {
    return policy;
  }

  public List<FirmSettings.Staff> getStaff() {
    return staff;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
