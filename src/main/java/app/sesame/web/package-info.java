/**
 * What every page shares: the addresses of the pages ({@code Page}, {@code Navigation}), the
 * security headers and cookie rules, the session bookkeeping the container needs, the client's
 * origin as the trusted proxy reports it ({@code RequestOrigin}), friendly error pages instead of
 * stack traces, and the repairs that make PrimeFaces components accessible ({@code AriaRepairs}).
 */
package app.sesame.web;
