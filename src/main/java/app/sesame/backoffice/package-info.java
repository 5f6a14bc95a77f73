/**
 * The accountants' side of the portal: their firm's clients (list, invitation, a client's page, the
 * reset of a client's second factors), the dashboard, the audit trail with its export, and the firm
 * settings of its administrators (policy and accountants). Every action is limited to the caller's
 * own firm on the server, whatever the request says.
 */
package app.sesame.backoffice;
