package app.sesame.signin.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * A security key's answer to a sign-in challenge: as the second step of a sign-in under way, or,
 * with none under way, as a passkey sign-in in one step. The request is the one the server kept.
 */
public record KeyCredential(String requestJson, String responseJson) implements Credential {}
