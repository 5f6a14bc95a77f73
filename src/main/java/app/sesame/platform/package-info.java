/**
 * What every component relies on: configuration, the security policy ({@code SecurityPolicy}: every
 * lifetime, window and limit, with its reason), the data source and its migrations, languages, the
 * origin of a request, page addresses and navigation, security headers and the Faces glue. Nothing
 * here knows a business rule.
 */
package app.sesame.platform;
