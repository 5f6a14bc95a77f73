package app.sesame.backoffice.boundary;

import app.sesame.account.boundary.CurrentCaller;
import app.sesame.language.control.Messages;
import app.sesame.oidc.control.Apps;
import app.sesame.oidc.entity.OidcApp;
import app.sesame.settings.control.Settings;
import app.sesame.web.control.UserError;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * The list of a firm's apps that sign people in through the portal, as a page shows it: the
 * discovery address to give them, a new app (its secret shown once), a new secret, a removal. The
 * firm administrators' page works on their own firm, the operators' console on the firm it names.
 */
public abstract class AppsForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject protected Apps apps;
  @Inject protected CurrentCaller caller;
  @Inject Settings settings;

  private List<OidcApp> list;
  private String name;
  private boolean confidential = true;
  private String redirectUris;
  private String postLogoutUris;
  private String backchannelUri;
  private String shownClientId;
  private String shownSecret;

  /** The firm whose apps these are. */
  protected abstract long firmId();

  public void load() {
    list = apps.ofFirm(firmId());
  }

  public void register() {
    try {
      Apps.Registered registered =
          apps.register(
              firmId(),
              caller.require().accountId(),
              new Apps.Registration(
                  name, confidential, redirectUris, postLogoutUris, backchannelUri));
      shownClientId = registered.app().getClientId();
      shownSecret = registered.secret().orElse(null);
      name = null;
      redirectUris = null;
      postLogoutUris = null;
      backchannelUri = null;
      Messages.info("apps.registered", registered.app().getName());
      load();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public void newSecret(long appId) {
    apps.newSecret(firmId(), appId, caller.require().accountId())
        .ifPresent(
            secret -> {
              shownSecret = secret;
              shownClientId =
                  list.stream()
                      .filter(a -> a.getId() == appId)
                      .map(OidcApp::getClientId)
                      .findFirst()
                      .orElse(null);
              Messages.info("apps.secret.changed");
            });
    load();
  }

  public void remove(long appId) {
    if (apps.remove(firmId(), appId, caller.require().accountId())) {
      Messages.info("apps.removed");
    }
    shownSecret = null;
    shownClientId = null;
    load();
  }

  /** The address an app's configuration starts from. */
  public String getDiscovery() {
    return settings.baseUrl() + "/.well-known/openid-configuration";
  }

  public List<OidcApp> getList() {
    return list;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public void setConfidential(boolean confidential) {
    this.confidential = confidential;
  }

  public String getRedirectUris() {
    return redirectUris;
  }

  public void setRedirectUris(String redirectUris) {
    this.redirectUris = redirectUris;
  }

  public String getPostLogoutUris() {
    return postLogoutUris;
  }

  public void setPostLogoutUris(String postLogoutUris) {
    this.postLogoutUris = postLogoutUris;
  }

  public String getBackchannelUri() {
    return backchannelUri;
  }

  public void setBackchannelUri(String backchannelUri) {
    this.backchannelUri = backchannelUri;
  }

  public String getShownClientId() {
    return shownClientId;
  }

  public String getShownSecret() {
    return shownSecret;
  }
}
