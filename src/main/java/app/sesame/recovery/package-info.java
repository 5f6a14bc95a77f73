/**
 * Self-service recovery (seed 004): "Lost your sign-in methods?" e-mails a short-lived link ({@code
 * RecoveryLinks}); the page it opens ({@code RecoveryBacking}) asks for the proofs each way back in
 * needs ({@code RecoveryProofs}): the password and an SMS code to the confirmed number for a new
 * second factor, which the sign-in's last stage then sets up; the second factor (or the SMS code
 * where that is lost too) for a new password ({@code PasswordReset}). Also the owner's mobile
 * number ({@code MobilePhone}), which receives those codes.
 */
package app.sesame.recovery;
