package io.downline.kyc.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored document: what it is and how its content is sealed. The content itself lives in the document store.
 *
 * @param sha256        hex SHA-256 of the plaintext content
 * @param masterKeyId   the master key that wraps {@code wrappedKey}
 * @param sealedDetails the document number and date of birth, sealed with the data key; null when none were given
 */
public record KycDocument(UUID id, UUID caseId, DocumentType type, DocumentFormat format, long size, String sha256,
        int segmentSize, int segments, String masterKeyId, byte[] wrappedKey, byte[] noncePrefix, byte[] sealedDetails,
        String uploadedBy, Instant uploadedAt) {

    public KycDocument rewrapped(String newMasterKeyId, byte[] newWrappedKey) {
        return new KycDocument(id, caseId, type, format, size, sha256, segmentSize, segments, newMasterKeyId,
                newWrappedKey, noncePrefix, sealedDetails, uploadedBy, uploadedAt);
    }

    /** The length of segment {@code index} in plaintext. */
    public int segmentLength(int index) {
        return (int) Math.min(segmentSize, size - (long) index * segmentSize);
    }
}
