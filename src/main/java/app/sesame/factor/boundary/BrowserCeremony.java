package app.sesame.factor.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a page exchanges with the browser during a key ceremony: the options it hands over, the
 * browser's answer or the name of its error. The request with the challenge stays in the session
 * ({@link PendingCeremony}), taken once.
 */
public class BrowserCeremony implements Serializable {
  /** The request the server kept and the browser's answer to it. */
  public record Answer(String requestJson, String responseJson) {}

  private final PendingCeremony.Kind kind;
  private String options;
  private String response;
  private String error;

  public BrowserCeremony(PendingCeremony.Kind kind) {
    this.kind = kind;
  }

  /** Keeps the ceremony's request in the session and offers its options to the browser. */
  public void begin(HttpServletRequest request, Ceremony ceremony) {
    PendingCeremony.begin(request, kind, ceremony.requestJson());
    options = ceremony.browserJson();
  }

  /** The kept request with the browser's answer, once; empty if either is missing or stale. */
  public Optional<Answer> take(HttpServletRequest request) {
    Optional<String> kept = PendingCeremony.take(request, kind);
    String answer = response;
    options = null;
    response = null;
    return kept.isPresent() && answer != null && !answer.isBlank()
        ? Optional.of(new Answer(kept.get(), answer))
        : Optional.empty();
  }

  /** The browser failed: the ceremony is dropped; returns the message key that says why. */
  public String fail(HttpServletRequest request) {
    PendingCeremony.take(request, kind);
    options = null;
    return BrowserErrors.messageKey(error);
  }

  /** Forgets the options after a refusal to begin. */
  public void clear() {
    options = null;
  }

  public String getOptions() {
    return options;
  }

  public String getResponse() {
    return response;
  }

  public void setResponse(String response) {
    this.response = response;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
