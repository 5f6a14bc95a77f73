/**
 * The portal as an OpenID Connect provider for the firm's other apps (authorization code flow,
 * PKCE, back-channel logout). A firm's administrators register its apps ({@code Apps}); an app's
 * authorization request runs the portal's own sign-in and comes back with a single-use code ({@code
 * AuthorizationEndpoint}); the token endpoint trades it for an ID token signed with the portal's
 * ES256 key ({@code SigningKeys}, sealed with the encryption key) and a refresh token replaced at
 * every use ({@code Grants}). Every grant is bound to the portal session it came from: {@code
 * SessionWatch} ends the grants of every session that ended, however it ended (signed out, ended
 * from the security page, idle or too old, the account frozen, reset or disabled, the firm
 * suspended), and {@code LogoutDelivery} tells each app that session reached, retrying like the
 * mails. The protocol's messages are parsed, built and signed by Nimbus; nothing here writes a JWS
 * by hand.
 */
package app.sesame.oidc;
