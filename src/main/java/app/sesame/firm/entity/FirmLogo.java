package app.sesame.firm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A firm's logo, checked before it is kept: a PNG, or an SVG without anything active in it. */
@Entity
@Table(name = "firm_logo")
public class FirmLogo {
  @Id
  @Column(name = "firm_id")
  private Long firmId;

  @Column(name = "content_type", nullable = false, length = 30)
  private String contentType;

  @Column(name = "content", nullable = false)
  private byte[] content;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected FirmLogo() {}

  public FirmLogo(Long firmId, String contentType, byte[] content, Instant updatedAt) {
    this.firmId = Objects.requireNonNull(firmId);
    replace(contentType, content, updatedAt);
  }

  public void replace(String contentType, byte[] content, Instant updatedAt) {
    this.contentType = Objects.requireNonNull(contentType);
    this.content = content.clone();
    this.updatedAt = Objects.requireNonNull(updatedAt);
  }

  public Long getFirmId() {
    return firmId;
  }

  public String getContentType() {
    return contentType;
  }

  public byte[] getContent() {
    return content.clone();
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
