package app.sesame.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The home page's suggestions its owner put off with "not now", and when: "PASSKEY:2026-11-25". */
@Embeddable
public class PutOffNudges {
  @Column(name = "dismissed_nudges", length = 200)
  private String dismissed;

  /** When the owner last put off the suggestion of this name, if they did. */
  public Optional<LocalDate> dismissedOn(String nudge) {
    if (dismissed == null) {
      return Optional.empty();
    }
    return Arrays.stream(dismissed.split(","))
        .filter(entry -> entry.startsWith(nudge + ":"))
        .map(entry -> LocalDate.parse(entry.substring(nudge.length() + 1)))
        .findFirst();
  }

  /** Puts off the suggestion of this name, from the given day. */
  public void dismiss(String nudge, LocalDate today) {
    StringBuilder kept = new StringBuilder(nudge).append(':').append(today);
    if (dismissed != null) {
      Arrays.stream(dismissed.split(","))
          .filter(entry -> !entry.isBlank() && !entry.startsWith(nudge + ":"))
          .forEach(entry -> kept.append(',').append(entry));
    }
    dismissed = kept.toString();
  }
}
