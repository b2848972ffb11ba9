package io.downline.kyc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.kyc.domain.EnvelopeCrypto.DecryptionFailed;

class EnvelopeCryptoTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] master = EnvelopeCrypto.newDataKey(random);
    private final byte[] otherMaster = EnvelopeCrypto.newDataKey(random);
    private final UUID document = UUID.randomUUID();
    private final byte[] plain = "passport scan bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void segmentsRoundTripAndCiphertextIsNotThePlaintext() {
        byte[] key = EnvelopeCrypto.newDataKey(random);
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(random);
        byte[] sealed = EnvelopeCrypto.sealSegment(key, prefix, document, 0, true, plain, plain.length);
        assertThat(sealed).hasSize(plain.length + EnvelopeCrypto.TAG_BYTES);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("passport");
        assertThat(EnvelopeCrypto.openSegment(key, prefix, document, 0, true, sealed)).isEqualTo(plain);
    }

    @Test
    void aSegmentLargerThanTheEncryptionChunksRoundTripsFromAPartlyFilledBuffer() {
        byte[] key = EnvelopeCrypto.newDataKey(random);
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(random);
        byte[] buffer = new byte[1024 * 1024];
        random.nextBytes(buffer);
        int length = 3 * 8 * 1024 + 1001; // four chunks, the last one partial; the rest of the buffer is not sealed
        byte[] sealed = EnvelopeCrypto.sealSegment(key, prefix, document, 2, true, buffer, length);
        assertThat(sealed).hasSize(length + EnvelopeCrypto.TAG_BYTES);
        assertThat(EnvelopeCrypto.openSegment(key, prefix, document, 2, true, sealed))
                .isEqualTo(Arrays.copyOf(buffer, length));
    }

    @Test
    void aWrongKeyOrAMovedSegmentFailsLoudly() {
        byte[] key = EnvelopeCrypto.newDataKey(random);
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(random);
        byte[] sealed = EnvelopeCrypto.sealSegment(key, prefix, document, 0, false, plain, plain.length);
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(EnvelopeCrypto.newDataKey(random), prefix, document, 0,
                false, sealed)).isInstanceOf(DecryptionFailed.class);
        // Another position, another document, or passed off as the last segment (a cut-off document): refused.
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(key, prefix, document, 1, false, sealed))
                .isInstanceOf(DecryptionFailed.class);
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(key, prefix, UUID.randomUUID(), 0, false, sealed))
                .isInstanceOf(DecryptionFailed.class);
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(key, prefix, document, 0, true, sealed))
                .isInstanceOf(DecryptionFailed.class);
        sealed[3] ^= 1;
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(key, prefix, document, 0, false, sealed))
                .isInstanceOf(DecryptionFailed.class);
    }

    @Test
    void rewrappingKeepsTheDataKeyAndNeedsTheRightMasterKey() {
        byte[] dataKey = EnvelopeCrypto.newDataKey(random);
        byte[] wrapped = EnvelopeCrypto.wrap(dataKey, master, document, random);
        assertThat(wrapped).hasSize(EnvelopeCrypto.WRAPPED_KEY_BYTES);
        assertThatThrownBy(() -> EnvelopeCrypto.unwrap(wrapped, otherMaster, document))
                .isInstanceOf(DecryptionFailed.class).hasMessageContaining(document.toString());
        assertThatThrownBy(() -> EnvelopeCrypto.unwrap(wrapped, master, UUID.randomUUID()))
                .isInstanceOf(DecryptionFailed.class);
        byte[] rewrapped = EnvelopeCrypto.wrap(EnvelopeCrypto.unwrap(wrapped, master, document), otherMaster, document,
                random);
        assertThat(rewrapped).isNotEqualTo(wrapped);
        assertThat(EnvelopeCrypto.unwrap(rewrapped, otherMaster, document)).isEqualTo(dataKey);
    }

    @Test
    void detailsAreSealedApartFromTheContent() {
        byte[] key = EnvelopeCrypto.newDataKey(random);
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(random);
        byte[] details = "{\"documentNumber\":\"X1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = EnvelopeCrypto.sealDetails(key, prefix, document, details);
        assertThat(EnvelopeCrypto.openDetails(key, prefix, document, sealed)).isEqualTo(details);
        assertThatThrownBy(() -> EnvelopeCrypto.openSegment(key, prefix, document, -1, false, sealed))
                .isInstanceOf(DecryptionFailed.class);
    }
}
