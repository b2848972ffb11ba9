package io.downline.kyc.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of a document, AES-256-GCM throughout (JDK only).
 * <ul>
 * <li>Each document has its own random 256-bit data key, stored only wrapped: {@code IV(12) ‖ AES-GCM(master key,
 * data key) ‖ tag(16)}, with the document id as associated data, so a wrapped key cannot be moved to another
 * document. Rotating the master key re-wraps the data key; the content is not touched.</li>
 * <li>The content is sealed in segments (each at most the segment size), so that neither writing nor reading a
 * document holds more than one segment in memory (a GCM decryption releases nothing before it has checked the
 * tag). Segment {@code i} uses the nonce {@code prefix(8) ‖ i(4)} and the associated data
 * {@code document id ‖ i ‖ last?}: segments cannot be reordered, swapped between documents, or cut off at the
 * end.</li>
 * <li>Small fields (document number, date of birth) are sealed with the data key under the nonce
 * {@code prefix ‖ 0xFFFFFFFF}, which no content segment uses.</li>
 * </ul>
 * A wrong key or altered bytes fail loudly with {@link DecryptionFailed}; nothing is ever returned unverified.
 */
public final class EnvelopeCrypto {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_PREFIX_BYTES = 8;
    public static final int TAG_BYTES = 16;
    public static final int WRAPPED_KEY_BYTES = 12 + KEY_BYTES + TAG_BYTES;

    private static final int IV_BYTES = 12;
    private static final int DETAILS_INDEX = -1;
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int ENCRYPT_CHUNK = 8 * 1024;

    private EnvelopeCrypto() {
    }

    /** Decryption refused: the key is not the one that sealed the data, or the data was altered. */
    public static final class DecryptionFailed extends RuntimeException {
        public DecryptionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static byte[] newDataKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public static byte[] newNoncePrefix(SecureRandom random) {
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        random.nextBytes(prefix);
        return prefix;
    }

    public static byte[] wrap(byte[] dataKey, byte[] masterKey, UUID documentId, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, masterKey, iv, uuid(documentId), dataKey, 0, dataKey.length);
        return ByteBuffer.allocate(WRAPPED_KEY_BYTES).put(iv).put(sealed).array();
    }

    public static byte[] unwrap(byte[] wrapped, byte[] masterKey, UUID documentId) {
        if (wrapped.length != WRAPPED_KEY_BYTES) {
            throw new DecryptionFailed("Wrapped key of document " + documentId + " has " + wrapped.length + " bytes", null);
        }
        try {
            return run(Cipher.DECRYPT_MODE, masterKey, Arrays.copyOf(wrapped, IV_BYTES), uuid(documentId), wrapped,
                    IV_BYTES, wrapped.length - IV_BYTES);
        } catch (DecryptionFailed e) {
            throw new DecryptionFailed("The data key of document " + documentId
                    + " does not unwrap with this master key (wrong key, or the row was altered)", e.getCause());
        }
    }

    public static byte[] sealSegment(byte[] dataKey, byte[] noncePrefix, UUID documentId, int index, boolean last,
            byte[] plaintext, int length) {
        return run(Cipher.ENCRYPT_MODE, dataKey, nonce(noncePrefix, index), segmentAad(documentId, index, last),
                plaintext, 0, length);
    }

    public static byte[] openSegment(byte[] dataKey, byte[] noncePrefix, UUID documentId, int index, boolean last,
            byte[] ciphertext) {
        return run(Cipher.DECRYPT_MODE, dataKey, nonce(noncePrefix, index), segmentAad(documentId, index, last),
                ciphertext, 0, ciphertext.length);
    }

    public static byte[] sealDetails(byte[] dataKey, byte[] noncePrefix, UUID documentId, byte[] plaintext) {
        return run(Cipher.ENCRYPT_MODE, dataKey, nonce(noncePrefix, DETAILS_INDEX),
                segmentAad(documentId, DETAILS_INDEX, true), plaintext, 0, plaintext.length);
    }

    public static byte[] openDetails(byte[] dataKey, byte[] noncePrefix, UUID documentId, byte[] sealed) {
        return run(Cipher.DECRYPT_MODE, dataKey, nonce(noncePrefix, DETAILS_INDEX),
                segmentAad(documentId, DETAILS_INDEX, true), sealed, 0, sealed.length);
    }

    private static byte[] nonce(byte[] prefix, int index) {
        if (prefix.length != NONCE_PREFIX_BYTES) {
            throw new IllegalArgumentException("A nonce prefix has " + NONCE_PREFIX_BYTES + " bytes");
        }
        return ByteBuffer.allocate(IV_BYTES).put(prefix).putInt(index).array();
    }

    private static byte[] segmentAad(UUID documentId, int index, boolean last) {
        return ByteBuffer.allocate(16 + 4 + 1).put(uuid(documentId)).putInt(index).put((byte) (last ? 1 : 0)).array();
    }

    private static byte[] uuid(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input, int offset, int length) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 keys have " + KEY_BYTES + " bytes, not " + key.length);
        }
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad);
            return mode == Cipher.ENCRYPT_MODE ? encrypt(cipher, input, offset, length)
                    : cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailed("AES-GCM authentication failed: wrong key or altered data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Encrypts through {@code update} in 8 KiB chunks. In JDK 17's AES-GCM one large {@code doFinal} still runs
     * without the JIT's AES and GHASH intrinsics after hundreds of documents (about 15 ms of CPU per MiB): the JIT
     * compiles by call counts, and a 1 MiB segment is one call. In small chunks the calls add up and the
     * intrinsics take over within the first hundred or so documents (then about 0.2 ms per MiB). Same bytes.
     */
    private static byte[] encrypt(Cipher cipher, byte[] input, int offset, int length) throws GeneralSecurityException {
        byte[] output = new byte[cipher.getOutputSize(length)];
        int written = 0;
        for (int at = 0; at < length; at += ENCRYPT_CHUNK) {
            written += cipher.update(input, offset + at, Math.min(ENCRYPT_CHUNK, length - at), output, written);
        }
        written += cipher.doFinal(output, written);
        return written == output.length ? output : Arrays.copyOf(output, written);
    }
}
