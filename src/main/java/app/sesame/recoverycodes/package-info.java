/**
 * Recovery codes (seed 003): ten single-use codes shown once when the first second factor is set
 * up, for the day the phone is lost. Stored only as salted hashes; any unused code works, once.
 */
package app.sesame.recoverycodes;
