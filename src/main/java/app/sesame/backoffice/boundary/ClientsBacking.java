package app.sesame.backoffice.boundary;

import app.sesame.account.entity.Account;
import app.sesame.platform.Language;
import app.sesame.platform.Messages;
import app.sesame.platform.UserError;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The back-office's clients page: the firm's clients and the invitation form. */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {
  @Inject Clients clients;

  private List<Account> list;
  private String name;
  private String email;
  private Language language = Language.FR;

  public void load() {
    list = clients.list();
  }

  public void invite() {
    try {
      Account invited = clients.invite(name, email, language);
      Messages.info("clients.invited", invited.getEmail());
      name = null;
      email = null;
      list = clients.list();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void resend(long clientId) {
    try {
      clients.resendInvitation(clientId);
      Messages.info("clients.resent");
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public List<Account> getList() {
    return list;
  }

  public Language[] getLanguages() {
    return Language.values();
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

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
