package io.downline.audit.rest;

import io.downline.audit.domain.Checkpoint;
import io.downline.audit.domain.EntryTime;
import io.downline.audit.domain.Hex;

/**
 * A signed checkpoint. {@code signedMessage} is the exact UTF-8 text the Ed25519 {@code signature} (base64) covers;
 * {@code publicKey} is base64 of the signer's X.509 public key.
 */
public record CheckpointView(long entries, String headHash, String signedAt, String keyId, String publicKey,
        String signedMessage, String signature) {

    public static CheckpointView of(Checkpoint checkpoint) {
        return new CheckpointView(checkpoint.entries(), Hex.of(checkpoint.headHash()),
                EntryTime.format(checkpoint.signedAt()), checkpoint.keyId(), checkpoint.publicKey(),
                checkpoint.signedMessage(), checkpoint.signature());
    }
}
