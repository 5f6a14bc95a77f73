package app.sesame.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads every setting that could be wrong once, at deployment, and stops the deployment with one
 * sentence naming the setting and what is wrong with it, rather than failing on some later request
 * or, worse, working unsafely.
 */
@ApplicationScoped
public class SettingsCheck {
  /** What 32 random bytes are in base64, the least an operators' token may hold. */
  static final int TOKEN_MIN_LENGTH = 43;

  /** A token of fewer different characters is a word or a pattern, not random bytes. */
  static final int TOKEN_MIN_DISTINCT = 16;

  @Inject Settings settings;

  void checkAtStart(@Observes Startup startup) {
    try {
      check(settings);
    } catch (StartRefused refused) {
      throw FailClosed.refuse(refused);
    }
  }

  static void check(Settings settings) {
    try {
      settings.trustedProxies();
    } catch (IllegalArgumentException e) {
      throw new StartRefused(
          "SESAME_TRUSTED_PROXIES or SESAME_FORWARDED_HEADER", "is wrong: " + e.getMessage());
    }
    duration("SESAME_SESSION_LIFETIME", Optional.of(settings.sessionLifetimeText()));
    duration("SESAME_RECENT_PROOF", settings.recentProofText());
    settings.operatorToken().ifPresent(SettingsCheck::operatorToken);
  }

  private static void duration(String name, Optional<String> value) {
    if (value.isEmpty()) {
      return;
    }
    try {
      Duration duration = Duration.parse(value.get().strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new StartRefused(name, "must be a positive duration: " + value.get());
      }
    } catch (DateTimeParseException e) {
      throw new StartRefused(name, "is not an ISO-8601 duration (PT12H, PT5M): " + value.get());
    }
  }

  static void operatorToken(String token) {
    if (token.length() < TOKEN_MIN_LENGTH
        || token.chars().distinct().count() < TOKEN_MIN_DISTINCT) {
      throw new StartRefused(
          "SESAME_OPERATOR_TOKEN",
          "is too weak: it must hold at least 32 random bytes, 43 characters"
              + " of base64 (openssl rand -base64 32); it has "
              + token.length()
              + " characters, "
              + token.chars().distinct().count()
              + " of them different");
    }
  }
}
