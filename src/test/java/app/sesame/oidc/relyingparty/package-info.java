/**
 * A firm's app for the tests: a small Jakarta EE application whose sign-in is Payara's own OpenID
 * Connect client ({@code @OpenIdAuthenticationMechanismDefinition}), deployed on a Payara Micro of
 * its own. It shows the claims it received, and it takes the portal's back-channel logout tokens,
 * checked with Nimbus against the portal's published keys, to sign its user out.
 */
package app.sesame.oidc.relyingparty;
