package app.sesame.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message waiting to be delivered, or delivered. A failed delivery is tried again later, waiting
 * twice as long each time, from ten seconds up to an hour, for about two days before giving up.
 */
@Entity
@Table(name = "outbox_mail")
@NamedQuery(
    name = OutboxMail.DUE,
    query =
        "select m.id from OutboxMail m where m.nextAttemptAt <= :now"
            + " and (m.claimedUntil is null or m.claimedUntil < :now) order by m.nextAttemptAt")
@NamedQuery(
    name = OutboxMail.CLAIM,
    query =
        "update OutboxMail m set m.claimedUntil = :until where m.id = :id"
            + " and m.nextAttemptAt is not null"
            + " and (m.claimedUntil is null or m.claimedUntil < :now)")
@NamedQuery(
    name = OutboxMail.FORGET_DELIVERED,
    query = "delete from OutboxMail m where m.sentAt is not null and m.sentAt < :before")
@NamedQuery(
    name = OutboxMail.LAST_TURN,
    query =
        "select m.nextAttemptAt from OutboxMail m where m.batchId is not null"
            + " and m.attempts = 0 and m.nextAttemptAt is not null"
            + " order by m.nextAttemptAt desc")
@NamedQuery(
    name = OutboxMail.BATCH_SENT,
    query = "select count(m) from OutboxMail m where m.batchId = :batch and m.sentAt is not null")
public class OutboxMail {
  public static final String LAST_TURN = "OutboxMail.lastTurn";
  public static final String BATCH_SENT = "OutboxMail.batchSent";
  public static final String FORGET_DELIVERED = "OutboxMail.forgetDelivered";
  public static final String DUE = "OutboxMail.due";
  public static final String CLAIM = "OutboxMail.claim";

  static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  static final Duration MAX_RETRY = Duration.ofHours(1);
  static final int MAX_ATTEMPTS = 60;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 300)
  private String subject;

  /** The body, sealed with the portal's key: it may hold a link that opens an account. */
  @Lob
  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  /** When to try next; {@code null} once delivered or given up. */
  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  /** The language of the text ("fr", "en"), for the HTML part; null for mail queued before. */
  @Column(length = 5)
  private String language;

  /** The firm's name, as the sender's name; null for the portal's own mail. */
  @Column(name = "sender_name", length = 200)
  private String senderName;

  @Column(name = "accent_colour", length = 7)
  private String accentColour;

  @Column(name = "logo_url", length = 500)
  private String logoUrl;

  /** The batch the mail belongs to (an import's invitations), sent at a steady pace; or null. */
  @Column(name = "batch_id")
  private Long batchId;

  protected OutboxMail() {}

  public OutboxMail(String recipient, String subject, String body, Instant now) {
    this(recipient, subject, body, now, null);
  }

  public OutboxMail(String recipient, String subject, String body, Instant now, String language) {
    this.language = language;
    this.recipient = Objects.requireNonNull(recipient);
    this.subject = Objects.requireNonNull(subject);
    this.body = Objects.requireNonNull(body);
    this.createdAt = Objects.requireNonNull(now);
    this.nextAttemptAt = now;
  }

  public String getLanguage() {
    return language;
  }

  /** Puts the mail in a batch, to go out no earlier than its turn. */
  public void inBatch(long batchId, Instant turn) {
    this.batchId = batchId;
    if (turn.isAfter(nextAttemptAt)) {
      nextAttemptAt = turn;
    }
  }

  /** Marks the mail as the firm's: its name, colour and logo (each may be null). */
  public void brand(String senderName, String accentColour, String logoUrl) {
    this.senderName = senderName;
    this.accentColour = accentColour;
    this.logoUrl = logoUrl;
  }

  public String getSenderName() {
    return senderName;
  }

  public String getAccentColour() {
    return accentColour;
  }

  public String getLogoUrl() {
    return logoUrl;
  }

  public void delivered(Instant now) {
    attempts++;
    sentAt = now;
    nextAttemptAt = null;
    claimedUntil = null;
    lastError = null;
  }

  /** Records a failed attempt and schedules the next one, or gives up after the last. */
  public void failed(String error, Instant now) {
    attempts++;
    claimedUntil = null;
    lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    nextAttemptAt = attempts >= MAX_ATTEMPTS ? null : now.plus(retryDelay(attempts));
  }

  static Duration retryDelay(int failedAttempts) {
    int doublings = Math.min(failedAttempts - 1, 20);
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
  }

  public boolean isPending() {
    return nextAttemptAt != null;
  }

  public boolean isGivenUp() {
    return sentAt == null && nextAttemptAt == null;
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }
}
