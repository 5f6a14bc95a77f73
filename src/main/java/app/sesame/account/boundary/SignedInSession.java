package app.sesame.account.boundary;

import java.io.Serializable;
import java.time.Instant;

/** What a session remembers of its sign-in: whose it is and since when. */
public record SignedInSession(long accountId, Instant signedInAt) implements Serializable {
  public static final String ATTRIBUTE = "sesame.signed-in";
}
