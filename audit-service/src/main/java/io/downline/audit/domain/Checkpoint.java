package io.downline.audit.domain;

import java.time.Instant;

/**
 * After {@code entries} entries the chain's head hash was {@code headHash}: signed with the service's Ed25519 key,
 * kept in the database and written to the log, so that a copy held elsewhere can expose a rewritten table.
 *
 * @param publicKey the signer's public key, base64 of its X.509 (SubjectPublicKeyInfo) encoding
 * @param signature base64 of the Ed25519 signature of {@link #signedMessage()}
 */
public record Checkpoint(long entries, byte[] headHash, Instant signedAt, String keyId, String publicKey,
        String signature) {

    /** What is signed: {@code {"entries":N,"headHash":"<hex>","keyId":"<id>","signedAt":"<time>"}} (RFC 8785). */
    public String signedMessage() {
        return message(entries, headHash, signedAt, keyId);
    }

    public static String message(long entries, byte[] headHash, Instant signedAt, String keyId) {
        StringBuilder out = new StringBuilder(160);
        out.append("{\"entries\":").append(entries).append(",\"headHash\":");
        Jcs.string(out, Hex.of(headHash)).append(",\"keyId\":");
        Jcs.string(out, keyId).append(",\"signedAt\":");
        return Jcs.string(out, EntryTime.format(signedAt)).append('}').toString();
    }
}
