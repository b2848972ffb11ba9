package io.downline.payout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MethodCipherTest {

    private final MethodCipher cipher = new MethodCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aDestinationRoundTripsAndEachEncryptionIsFresh() {
        UUID id = UUID.randomUUID();
        byte[] first = cipher.encrypt(id, "DE89370400440532013000");
        byte[] second = cipher.encrypt(id, "DE89370400440532013000");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("0532013000");
        assertThat(cipher.decrypt(id, first)).isEqualTo("DE89370400440532013000");
    }

    @Test
    void aCiphertextMovedToAnotherMethodOrTamperedWithDoesNotDecrypt() {
        UUID id = UUID.randomUUID();
        byte[] secret = cipher.encrypt(id, "DE89370400440532013000");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), secret)).isInstanceOf(IllegalStateException.class);
        secret[secret.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(id, secret)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MethodCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
