package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import app.sesame.language.control.Language;
import app.sesame.language.control.Messages;
import app.sesame.web.control.CsvFile;
import app.sesame.web.control.UserError;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;

/**
 * The back-office's clients page: the firm's clients a page at a time (paging, sorting and
 * filtering done by the database), and the invitation form.
 */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {
  @Inject Clients clients;
  @Inject ClientAccess access;
  @Inject InvitationFollowUp followUp;

  private String text;
  private AccountStatus status;
  private Integer invitedDays;
  private List<ClientRow> selected = new ArrayList<>();
  private String name;
  private String email;
  private String phone;
  private Language language = Language.FR;

  /** How long the list's total is taken as known while the same filters are paged through. */
  static final Duration COUNT_KEPT = Duration.ofSeconds(30);

  /** The filters the list's total was counted for, when, and the total. */
  private record Total(
      String text, AccountStatus status, Integer invitedDays, Instant countedAt, int count)
      implements Serializable {}

  private Total total;

  private final LazyDataModel<ClientRow> list =
      new LazyDataModel<>() {
        /**
         * Counting a large firm's clients is the dearest part of a page, and the table asks for the
         * total at every page and every sort: it is counted again when the filters change, after an
         * invitation from this page, or after {@link #COUNT_KEPT}.
         */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          Instant now = Instant.now();
          if (total == null
              || !Objects.equals(total.text(), text)
              || total.status() != status
              || !Objects.equals(total.invitedDays(), invitedDays)
              || total.countedAt().plus(COUNT_KEPT).isBefore(now)) {
            total = new Total(text, status, invitedDays, now, clients.count(query(0, 1, Map.of())));
          }
          return total.count();
        }

        @Override
        public List<ClientRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return clients.page(query(first, pageSize, sortBy), count(filterBy));
        }

        @Override
        public String getRowKey(ClientRow row) {
          return String.valueOf(row.id());
        }

        @Override
        public ClientRow getRowData(String rowKey) {
          return getWrappedData() == null
              ? null
              : getWrappedData().stream()
                  .filter(r -> String.valueOf(r.id()).equals(rowKey))
                  .findFirst()
                  .orElse(null);
        }
      };

  private ClientQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    return new ClientQuery(
        first,
        pageSize,
        sort == null ? "name" : sort.getField(),
        sort != null && sort.getOrder() == SortOrder.DESCENDING,
        text,
        status,
        invitedDays);
  }

  public void invite() {
    try {
      clients.invite(name, email, phone, language);
      total = null;
      Messages.info("clients.invited", email.strip().toLowerCase(Locale.ROOT));
      name = null;
      email = null;
      phone = null;
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

  /** Sends the invitation again to the selected clients still invited. */
  public void resendSelected() {
    try {
      int sent = followUp.resend(selectedIds());
      Messages.info("clients.resent.many", sent);
      selected = new ArrayList<>();
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  /** Withdraws the invitations of the selected clients still invited. */
  public void withdrawSelected() {
    try {
      int withdrawn = followUp.withdraw(selectedIds());
      Messages.info("clients.withdrawn", withdrawn);
      selected = new ArrayList<>();
      total = null;
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  /** The ticked clients (a row the table could not find among those it showed is no client). */
  private List<Long> selectedIds() {
    return selected.stream().filter(Objects::nonNull).map(ClientRow::id).toList();
  }

  /** The clients the filters match, as CSV, with where each stands. */
  public StreamedContent getExport() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    ClientQuery all = query(0, 1, Map.of());
    return CsvFile.download(
        "sesame-clients.csv",
        out -> followUp.export(all, locale, java.time.ZoneId.systemDefault(), out));
  }

  public List<ClientRow> getSelected() {
    return selected;
  }

  public void setSelected(List<ClientRow> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }

  public Integer getInvitedDays() {
    return invitedDays;
  }

  public void setInvitedDays(Integer invitedDays) {
    this.invitedDays = invitedDays;
  }

  /** Lets a client waiting after wrong passwords or codes try again at once. */
  public void unlock(long clientId) {
    try {
      access.unlock(clientId);
      Messages.info("client.unlocked");
    } catch (UserError error) {
      Messages.error(error);
    }
  }

  public LazyDataModel<ClientRow> getList() {
    return list;
  }

  public AccountStatus[] getStatuses() {
    return AccountStatus.values();
  }

  public Language[] getLanguages() {
    return Language.values();
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public void setStatus(AccountStatus status) {
    this.status = status;
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

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }
}
