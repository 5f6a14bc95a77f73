/**
 * What the portal is told at start and the rules it holds itself to: {@code Settings} reads every
 * setting once (environment variable, then system property, then default) and {@code SettingsCheck}
 * refuses a start whose settings cannot work; {@code SecurityPolicy} holds every lifetime, window
 * and limit with its reason; {@code TrustedProxies} decides which forwarding header, written by
 * which proxy, gives the client's address.
 */
package app.sesame.settings;
