/**
 * E-mail: messages are rendered in the recipient's language from the templates the components
 * declare ({@code MailTemplate}), written to an outbox in the transaction of the action that causes
 * them, then delivered over SMTP by a background job that retries until the server takes them. In
 * the embedded mode a local SMTP server receives them and a local page shows them.
 */
package app.sesame.mail;
