/**
 * Firms: the accounting firms that run a portal for their clients, the policy each one sets for its
 * clients' sign-in, and its brand (name, colour checked for contrast, logo measured before it is
 * read) on its pages ({@code Brand}) and in its e-mails ({@code MailBrands}). Administrators edit
 * them from the back-office.
 */
package app.sesame.firm;
