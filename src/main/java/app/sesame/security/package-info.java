/**
 * The person's own "Account security" page: the password, the mobile number, open sessions and
 * recent sign-ins, one backing bean per section; each kind of factor brings its own section
 * (component {@code factor}). The changes that could lock the owner out or let someone else in
 * (another password or number, ending the other sessions) ask again for the password or a code when
 * the last proof is older than the policy allows, through {@code factor}'s {@code ProofBacking}, as
 * the factors' own sections do.
 */
package app.sesame.security;
