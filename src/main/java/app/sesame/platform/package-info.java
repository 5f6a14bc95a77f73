/**
 * What every component relies on: configuration, the data source and its migrations, languages, the
 * origin of a request, security headers and the Faces glue. Nothing here knows a business rule.
 */
package app.sesame.platform;
