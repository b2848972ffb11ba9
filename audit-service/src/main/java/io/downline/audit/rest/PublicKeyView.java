package io.downline.audit.rest;

/** The key that signs checkpoints: {@code publicKey} is base64 of its X.509 encoding, {@code pem} the same as PEM. */
public record PublicKeyView(String algorithm, String keyId, String publicKey, String pem) {
}
