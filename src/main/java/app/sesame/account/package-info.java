/**
 * Accounts and how people get into them: invitation, activation with a password of the firm's
 * rules, password sign-in with throttling, and the Jakarta Security mechanism that turns a
 * signed-in session into a caller with roles on every request.
 */
package app.sesame.account;
