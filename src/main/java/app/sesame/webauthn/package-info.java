/**
 * Security keys (YubiKey, any FIDO2 authenticator) and passkeys, verified by Yubico's
 * java-webauthn-server through one {@code RelyingParty} per application: registration, use as the
 * second step, passkey sign-in in one step, and the library's credential repository over JPA. Each
 * ceremony's challenge is kept in the session, used once and short-lived.
 */
package app.sesame.webauthn;
