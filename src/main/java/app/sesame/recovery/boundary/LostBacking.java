package app.sesame.recovery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * "Lost your sign-in methods?": asks for the address and e-mails a recovery link. The answer is the
 * same whether or not an account uses the address.
 */
@Named
@RequestScoped
public class LostBacking {
  @Inject RecoveryLinks links;

  private String email;
  private boolean sent;

  public void request() {
    links.request(email);
    sent = true;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isSent() {
    return sent;
  }
}
