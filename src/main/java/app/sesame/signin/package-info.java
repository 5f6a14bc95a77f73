/**
 * Signing in, in the order it happens:
 *
 * <ol>
 *   <li>{@code SignInBacking}: e-mail and password, or a passkey; the page hands the step to {@code
 *       SignInFlow}, the one way any sign-in page submits a step and goes where it leads.
 *   <li>{@code PortalAuthentication}, the Jakarta Security mechanism: checks the password through
 *       {@code AccountIdentityStore} and {@code SignIn}, then asks {@code SecondStep} what follows.
 *       A sign-in between its steps is a {@code PendingSignIn} whose stage names the next page.
 *   <li>Stage VERIFY, {@code SecondStepBacking}: a code from an app, a recovery code or a key,
 *       checked by {@code SecondStep}.
 *   <li>Stage CODE, {@code EnrolmentCodeBacking}: after an accountant reset the account's factors,
 *       the one-time enrolment code they handed over, checked by {@code SecondStep}; then ENROL.
 *   <li>Stage ENROL, {@code SetupBacking}: an account that must have a factor and has none sets one
 *       up, on the page fragment of each kind the firm offers (component {@code factor}).
 *   <li>Stage REPLACE: the same setup at the end of a self-service recovery; the new factor
 *       replaces every older one once it is confirmed.
 *   <li>Signed in: a new session holds a {@code SignedInSession} (component {@code account}).
 * </ol>
 */
package app.sesame.signin;
