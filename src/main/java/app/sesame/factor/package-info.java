/**
 * What a second factor is, whatever its kind: the {@code SecondFactor} contract that authenticator
 * apps, security keys and recovery codes each fulfil, and {@code SecondFactors}, the one place that
 * answers for an account which factors it has, whether it has any, and removes them all for a reset
 * or a recovery. A new kind of factor is one more implementation of the contract; nothing here or
 * in the flows above names the kinds.
 *
 * <p>The named devices (apps and keys) share their bookkeeping through {@code Devices}: listing,
 * renaming, removing, each audited and mailed the same way.
 */
package app.sesame.factor;
