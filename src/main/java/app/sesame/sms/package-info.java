/**
 * Codes sent by SMS: to confirm that a mobile number is its owner's, and to recover an account
 * whose second factor is lost. The gateway is a port with two adapters: an HTTP SMS provider, and a
 * local outbox for the embedded mode.
 */
package app.sesame.sms;
