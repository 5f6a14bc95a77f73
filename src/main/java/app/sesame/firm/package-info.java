/**
 * Firms: the accounting firms that run a portal for their clients, and the policy each one sets for
 * its clients' sign-in. Administrators edit it from the back-office.
 */
package app.sesame.firm;
