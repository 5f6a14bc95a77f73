package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.language.control.Messages;
import app.sesame.web.control.UserError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The back-office's dashboard: how many active clients have a second factor, pending invitations,
 * the accounts waiting after wrong passwords or codes (with the action that lets them in again) and
 * the latest resets.
 */
@Named
@RequestScoped
public class DashboardBacking {
  private static final int WAITING_SHOWN = 20;

  @Inject Clients clients;
  @Inject AuditLog audit;
  @Inject ClientAccess access;

  private Map<AccountStatus, Long> byStatus;
  private long protectedClients;
  private List<AuditLine> recentResets;
  private List<ClientRow> waiting;

  public void load() {
    byStatus = clients.countByStatus();
    protectedClients = clients.activeWithSecondFactor();
    recentResets =
        audit.page(
            new AuditQuery(null, null, null, null, BackofficeAudit.SECOND_FACTORS_RESET.name()),
            0,
            10);
  }

  /** The accounts waiting after wrong passwords or codes, or locked. */
  public List<ClientRow> getWaiting() {
    if (waiting == null) {
      waiting = clients.waiting(WAITING_SHOWN);
    }
    return waiting;
  }

  /** Lets a waiting account try again at once (after a call with its owner). */
  public void unlock(long clientId) {
    try {
      access.unlock(clientId);
      Messages.info("client.unlocked");
    } catch (UserError error) {
      Messages.error(error);
    }
    waiting = null;
  }

  public long count(String status) {
    return byStatus.getOrDefault(AccountStatus.valueOf(status), 0L);
  }

  public long getActive() {
    return count("ACTIVE");
  }

  public long getProtectedClients() {
    return protectedClients;
  }

  /** The share of active clients with a second factor, in whole percent. */
  public long getProtectedPercent() {
    return getActive() == 0 ? 0 : Math.round(100.0 * protectedClients / getActive());
  }

  public List<AuditLine> getRecentResets() {
    return recentResets;
  }

  /** The doughnut chart of active clients with and without a second factor (Chart.js JSON). */
  public String getChart() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return Json.createObjectBuilder()
        .add("type", "doughnut")
        .add(
            "data",
            Json.createObjectBuilder()
                .add(
                    "labels",
                    Json.createArrayBuilder()
                        .add(Messages.text(locale, "dashboard.with"))
                        .add(Messages.text(locale, "dashboard.without")))
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add(
                                    "data",
                                    Json.createArrayBuilder()
                                        .add(protectedClients)
                                        .add(getActive() - protectedClients))
                                .add(
                                    "backgroundColor",
                                    Json.createArrayBuilder().add("#0f6e6e").add("#f0b429")))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom"))))
        .build()
        .toString();
  }
}
