/**
 * Accounts and who is calling: invitation and activation with a password of the firm's rules (and
 * the first people of an empty database), password hashing and policy, the e-mails that tell an
 * owner about a change, language preferences, and the caller of each request ({@code
 * CurrentCaller}), looked up again from the signed-in session every time.
 *
 * <p>How people sign in is component {@code signin}; this one only knows accounts and sessions
 * already signed in.
 */
package app.sesame.account;
