/**
 * Authenticator apps (RFC 6238 TOTP: SHA-1, 6 digits, 30 seconds, the defaults every app reads):
 * enrolment with a QR code, several named authenticators per account, reset and removal, and the
 * check of a code, accepted at most once per authenticator.
 */
package app.sesame.totp;
