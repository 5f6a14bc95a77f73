package app.sesame.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Asks for a new activation link. The answer is the same whether or not the address has an
 * invitation waiting, so the page tells no one which addresses have accounts.
 */
@Named
@RequestScoped
public class NewLinkBacking {
  @Inject Activation activation;

  private String email;
  private boolean sent;

  public void request() {
    activation.requestNewLink(email);
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
