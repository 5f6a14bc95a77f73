/**
 * What a second factor is, whatever its kind, and everything done with factors that does not depend
 * on the kind.
 *
 * <p>The contract: {@code SecondFactor}, which every kind fulfils (how many an account holds, which
 * named devices, how they go away, whether the firm offers it, the name and RFC 8176 references a
 * sign-in by it is recorded under, its page fragment), and one of three roles: {@code CodeFactor}
 * (a typed code: authenticator apps), {@code KeyFactor} (a signed challenge: security keys and
 * passkeys) or {@code BackupFactor} (kept for the day the devices are lost: recovery codes). {@code
 * SecondFactors} finds the kinds by these roles; nothing outside the kinds' own components names a
 * kind.
 *
 * <p>What follows for every kind: {@code FactorSetup} (the first factor's recovery codes, the end
 * of an enrolment code, the replacement at the end of a recovery), {@code FactorOwner} (whose
 * factors a page may add to: the signed-in person, or a sign-in that must set one up), {@code
 * RecentProof}, {@code Reauthentication} and {@code ProofBacking} (proving again before a sensitive
 * change, measured against the injected clock), {@code BrowserCeremony} (the session side of a
 * WebAuthn ceremony), {@code FactorPages} (the fragments the pages include, in order). The named
 * devices share their bookkeeping through {@code Devices}.
 *
 * <p>A new kind is a component of its own: an EJB declaring {@code @Local(SecondFactor's role)}, a
 * fragment {@code webapp/WEB-INF/includes/factor/<type>.xhtml} that handles the {@code place}
 * values, its messages, its audit types and mails, its Liquibase change set, and its name in the
 * architecture test's factors layer (the design document lists the files). No page, flow or other
 * kind changes.
 */
package app.sesame.factor;
