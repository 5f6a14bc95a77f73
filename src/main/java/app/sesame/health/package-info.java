/**
 * Whether a node should receive traffic: readiness and liveness checks (database, data grid,
 * serving), and the drain ({@code Draining}, {@code DrainFilter}) that lets a stopping node finish
 * what it started while the balancer sends new sign-ins elsewhere.
 */
package app.sesame.health;
