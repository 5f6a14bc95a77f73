package app.sesame.backoffice.boundary;

import app.sesame.account.entity.AccountStatus;
import java.io.Serializable;

/**
 * What the clients list asks for: a page, an order and filters.
 *
 * @param text part of a name or an e-mail address, any case; {@code null} for all
 * @param status only clients in this state; {@code null} for all
 * @param sortField one of "name", "email", "status", "lastSignIn"; anything else sorts by name
 * @param invitedDays only clients invited at least that many days ago and not activated since;
 *     {@code null} for all
 */
public record ClientQuery(
    int first,
    int pageSize,
    String sortField,
    boolean descending,
    String text,
    AccountStatus status,
    Integer invitedDays)
    implements Serializable {
  public ClientQuery {
    first = Math.max(0, first);
    pageSize = Math.min(Math.max(1, pageSize), 200);
  }
}
