/**
 * How often anyone may try anything: the limits and their refill periods ({@code Limit}), counted
 * on one node ({@code LocalRateLimits}) or across the cluster in the data grid ({@code
 * GridRateLimits}), chosen by {@code RateLimitsChoice}; {@code ClientLimits} applies them to the
 * current client's address and network.
 */
package app.sesame.limits;
