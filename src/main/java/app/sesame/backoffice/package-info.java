/**
 * The accountants' side of the portal: their firm's clients and invitations. Every action is
 * limited to the caller's own firm on the server, whatever the request says.
 */
package app.sesame.backoffice;
