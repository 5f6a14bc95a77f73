package app.sesame.recovery.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page of the "this wasn't me" link: it asks before it freezes (a mail scanner that opens the
 * link freezes nothing), then says what happens next.
 */
@Named
@ViewScoped
public class FreezeBacking implements Serializable {
  @Inject AccountFreeze freezes;

  private String token;
  private String state;

  public void load() {
    state = freezes.inspect(token).map(Enum::name).orElse("UNKNOWN");
  }

  public void freeze() {
    state =
        freezes.freeze(token) ? "FROZEN" : freezes.inspect(token).map(Enum::name).orElse("UNKNOWN");
  }

  /** VALID, FROZEN (just now), USED, EXPIRED or UNKNOWN. */
  public String getState() {
    return state;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }
}
