package app.sesame.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The identifier the firm's apps know a person by: random, stable, never the e-mail address. */
@Entity
@Table(name = "oidc_subject")
public class Subject {
  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Column(nullable = false, unique = true, length = 36)
  private String subject;

  protected Subject() {}

  public Subject(long accountId) {
    this.accountId = accountId;
    this.subject = UUID.randomUUID().toString();
  }

  public long getAccountId() {
    return accountId;
  }

  public String getSubject() {
    return subject;
  }
}
