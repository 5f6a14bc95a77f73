/**
 * Recovery codes (seed 003), the backup second factor: ten single-use codes shown once when the
 * first app or key is set up, for the day it is lost. Stored only as salted hashes; any unused code
 * works, once.
 */
package app.sesame.recoverycodes;
