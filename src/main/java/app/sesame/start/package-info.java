/**
 * The first start: on an empty database, the platform firm and its operator, and in the embedded
 * default the demo firm with its accounts, so that a newcomer signs in at once.
 */
package app.sesame.start;
