/**
 * Self-service recovery (seed 004), by the rules of security.md's recovery table ({@code
 * RecoveryRules}): "Lost your sign-in methods?" e-mails a short-lived link ({@code RecoveryLinks});
 * the page it opens ({@code RecoveryBacking}) asks for the proofs each way back in needs ({@code
 * RecoveryProofs}): the password and an SMS code to the confirmed number for a new second factor
 * (clients only), which the sign-in's last stage then sets up; the second factor for a new password
 * ({@code PasswordReset}). One recovery makes the other wait a day, and the owner's mail carries a
 * "this wasn't me" link that freezes the account ({@code AccountFreeze}). Also the owner's mobile
 * number ({@code MobilePhone}), which receives the codes.
 */
package app.sesame.recovery;
