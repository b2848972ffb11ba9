package io.downline.payout.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.downline.payout.config.PayoutConfig;

/**
 * AES-256-GCM for payout destinations: a fresh 12-byte nonce per value, a 128-bit tag, and the method's id as
 * associated data, so that a ciphertext copied to another method's row does not decrypt.
 */
@ApplicationScoped
public class MethodCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public MethodCipher(PayoutConfig config) {
        this(Base64.getDecoder().decode(config.methodKey()));
    }

    public MethodCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The payout method key must be 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] encrypt(UUID methodId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(methodId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a payout method", e);
        }
    }

    public String decrypt(UUID methodId, byte[] secret) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, secret, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(methodId));
            return new String(cipher.doFinal(secret, NONCE_BYTES, secret.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Payout method " + methodId + " does not decrypt with the configured key", e);
        }
    }

    private static byte[] associatedData(UUID methodId) {
        return methodId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
