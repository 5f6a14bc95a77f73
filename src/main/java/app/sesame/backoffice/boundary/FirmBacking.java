package app.sesame.backoffice.boundary;

import app.sesame.account.entity.Role;
import app.sesame.factor.boundary.ProofBacking;
import app.sesame.factor.boundary.Proven;
import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The firm administrators' page: the clients' sign-in policy and the firm's accountants. Changing
 * the policy or a role asks for a recent proof of identity, as the security page's changes do.
 */
@Named
@ViewScoped
public class FirmBacking implements Serializable {
  /** The changes this section asks a recent proof for. */
  private static final String CHANGE_POLICY = "firm.policy";

  private static final String CHANGE_ROLE = "firm.role";

  @Inject FirmSettings settings;
  @Inject ProofBacking proof;

  private FirmSettings.Policy policy;
  private List<FirmSettings.Staff> staff;
  private String name;
  private String email;
  private Role role = Role.ACCOUNTANT;
  private Language language = Language.FR;
  private Role newRole;

  public void load() {
    policy = settings.policy();
    staff = settings.staff();
  }

  /** Saves the policy once the administrator proved who they are lately. */
  public void savePolicy() {
    proof.ask(CHANGE_POLICY, null);
  }

  /** Changes a colleague's role once the administrator proved who they are lately. */
  public void changeRole(long id, Role role) {
    newRole = role;
    proof.ask(CHANGE_ROLE, id);
  }

  void proven(@Observes(notifyObserver = Reception.IF_EXISTS) Proven proven) {
    if (proven.is(CHANGE_POLICY)) {
      applyPolicy();
    } else if (proven.is(CHANGE_ROLE)) {
      act(() -> settings.changeRole(proven.target(), newRole), "firm.role.changed");
    }
  }

  private void applyPolicy() {
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
