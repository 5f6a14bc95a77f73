/**
 * Accounts and who is calling: invitation and activation with a password of the firm's rules,
 * password hashing and policy (and the timing of refusals), the account's throttling, mobile number
 * and put-off suggestions (embedded parts of {@code Account}), the e-mailed links and the enrolment
 * code an accountant hands over ({@code ActionToken}, a one-time secret), the e-mails that tell an
 * owner about a change, language preferences, the registry of signed-in sessions, and the caller of
 * each request ({@code CurrentCaller}), looked up again from the signed-in session every time.
 *
 * <p>How people sign in is component {@code signin}; this one knows accounts and the sessions
 * already signed in. The first accounts of an empty database are component {@code start}'s.
 */
package app.sesame.account;
