/**
 * Secrets kept in the database are sealed (AES-GCM) with the encryption key the settings give:
 * {@code EncryptionKey} reads and checks the key, {@code SecretBox} seals and opens.
 */
package app.sesame.secrets;
