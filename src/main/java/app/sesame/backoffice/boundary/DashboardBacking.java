package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import app.sesame.backoffice.control.BackofficeAudit;
import app.sesame.language.control.Messages;
import app.sesame.onboarding.control.RolloutFigures;
import app.sesame.web.control.UserError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
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
  @Inject RolloutFigures rollout;

  private Map<AccountStatus, Long> byStatus;
  private Long protectedClients;
  private List<AuditLine> recentResets;
  private List<ClientRow> waiting;
  private RolloutFigures.Figures figures;

  public void load() {
    counts();
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

  /** Reminds the clients without a second factor of the rollout's day, now. */
  public void remindLeft() {
    Messages.info("dashboard.rollout.reminded", rollout.remindLeft());
  }

  /** The rollout's figures: invited, activated, protected by kind, over time, who is left. */
  public RolloutFigures.Figures getRollout() {
    if (figures == null) {
      figures = rollout.figures(Instant.now());
    }
    return figures;
  }

  /** Active clients without a second factor: those the rollout still waits for. */
  public long getLeft() {
    return getActive() - getProtectedClients();
  }

  /** The rollout's day, for the page's date converter; null where none is set. */
  public Date getRolloutFrom() {
    return getRollout().from() == null ? null : Date.from(getRollout().from());
  }

  /** The rollout's kinds as the page lists them: type and count. */
  public List<Map.Entry<String, Long>> getByKind() {
    return List.copyOf(getRollout().byKind().entrySet());
  }

  /** The line chart of clients invited, activated and protected, week by week (Chart.js JSON). */
  public String getRolloutChart() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    DateTimeFormatter day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneId.systemDefault());
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder invited = Json.createArrayBuilder();
    JsonArrayBuilder activated = Json.createArrayBuilder();
    JsonArrayBuilder secured = Json.createArrayBuilder();
    for (RolloutFigures.Week week : getRollout().weeks()) {
      labels.add(day.format(week.end()));
      invited.add(week.invited());
      activated.add(week.activated());
      secured.add(week.protectedClients());
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            line(
                                Messages.text(locale, "dashboard.rollout.invited"),
                                invited,
                                "#5b6b7f"))
                        .add(
                            line(
                                Messages.text(locale, "dashboard.rollout.activated"),
                                activated,
                                "#b26b00"))
                        .add(line(Messages.text(locale, "dashboard.with"), secured, "#0f6e6e"))))
        .add("options", whole())
        .build()
        .toString();
  }

  private static JsonObjectBuilder line(String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("fill", false);
  }

  /**
   * Options that keep a chart whole: drawn at once rather than swept in (a doughnut caught in its
   * first second showed half a ring, and motion is no help to read a figure), following its box
   * (sized by the page's stylesheet) at every width, its legend below.
   */
  private static JsonObjectBuilder whole() {
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("legend", Json.createObjectBuilder().add("position", "bottom")));
  }

  public long count(String status) {
    counts();
    return byStatus.getOrDefault(AccountStatus.valueOf(status), 0L);
  }

  public long getActive() {
    return count("ACTIVE");
  }

  public long getProtectedClients() {
    counts();
    return protectedClients;
  }

  /**
   * The counts by state and of protected clients, read once per request, and at its first use: the
   * rollout's actions are decoded before the page's load action runs.
   */
  private void counts() {
    if (byStatus == null) {
      byStatus = clients.countByStatus();
      protectedClients = clients.activeWithSecondFactor();
    }
  }

  /** The share of active clients with a second factor, in whole percent. */
  public long getProtectedPercent() {
    return getActive() == 0 ? 0 : Math.round(100.0 * getProtectedClients() / getActive());
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
                                        .add(getProtectedClients())
                                        .add(getLeft()))
                                .add(
                                    "backgroundColor",
                                    Json.createArrayBuilder().add("#0f6e6e").add("#f0b429")))))
        .add("options", whole())
        .build()
        .toString();
  }
}
