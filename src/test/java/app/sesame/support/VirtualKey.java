package app.sesame.support;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A security key plugged into the test browser: Chromium's virtual authenticator (CTAP2 over USB,
 * resident keys and user verification), which answers the page's WebAuthn ceremonies as a YubiKey
 * would.
 */
public final class VirtualKey implements AutoCloseable {
  private final HasVirtualAuthenticator browser;
  private final VirtualAuthenticator authenticator;

  private VirtualKey(WebDriver driver, VirtualAuthenticatorOptions.Transport transport) {
    browser = (HasVirtualAuthenticator) driver;
    authenticator =
        browser.addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(transport)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
  }

  /** Plugs a new, empty key into the browser. */
  public static VirtualKey plugInto(WebDriver driver) {
    return new VirtualKey(driver, VirtualAuthenticatorOptions.Transport.USB);
  }

  /** A device's own authenticator (fingerprint, face, screen lock), able to hold passkeys. */
  public static VirtualKey builtInto(WebDriver driver) {
    return new VirtualKey(driver, VirtualAuthenticatorOptions.Transport.INTERNAL);
  }

  /**
   * Replaces the key's only credential by a copy whose signature counter is back at zero: a clone
   * made before the key's last use.
   */
  public void cloneBehindItsCounter() {
    Credential original = authenticator.getCredentials().get(0);
    authenticator.removeAllCredentials();
    authenticator.addCredential(
        Credential.createResidentCredential(
            original.getId(),
            original.getRpId(),
            original.getPrivateKey(),
            original.getUserHandle(),
            0));
  }

  /** Unplugs the key. */
  @Override
  public void close() {
    browser.removeVirtualAuthenticator(authenticator);
  }
}
