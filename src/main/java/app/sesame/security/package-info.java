/**
 * The person's own "Account security" page, one backing bean per section: authenticator apps,
 * security keys, recovery codes, the mobile number and recent sign-ins. The changes that could lock
 * the owner out or let someone else in (removing or resetting a factor, new codes, another number)
 * ask again for the password or a code when the last proof is older than the policy allows: each
 * section hands such a change to {@code ProofBacking}, which carries it out once proven.
 *
 * <p>Adding an app or a key uses the same steps as the sign-in's setup (component {@code signin}).
 */
package app.sesame.security;
