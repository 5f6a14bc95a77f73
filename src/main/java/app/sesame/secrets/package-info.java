/**
 * Secrets: those the portal keeps and those it hands out once.
 *
 * <p>Kept: secrets in the database are sealed (AES-GCM) with the encryption key the settings give;
 * {@code EncryptionKey} reads and checks the key, {@code SecretBox} seals, opens and makes keyed
 * hashes.
 *
 * <p>Handed out once: every e-mailed link, SMS code, enrolment code and recovery code is a {@code
 * OneTimeSecret} embedded in the entity that says what it opens. Only its hash is stored (SHA-256
 * of a 256-bit random link from {@code Tokens}; a keyed hash for short typed codes; a salted slow
 * hash for recovery codes, which never expire); it may expire, counts wrong tries and closes after
 * the allowed number, and is spent once, under a lock on its row ({@code OneTimeSecrets}).
 */
package app.sesame.secrets;
