package io.downline.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final byte[] HEAD = Hex.parse("5b4183095f727645916e9771a4d93b60d4ec851eb50aefaf1bb8081645be0096");

    @Test
    void aCheckpointVerifiesWithThePublicKeyItCarries() {
        Checkpoint checkpoint = SigningKey.generate().sign(1000, HEAD, Instant.parse("2026-05-10T10:00:00Z"));

        assertThat(SigningKey.verify(checkpoint)).isTrue();
        assertThat(checkpoint.signedMessage()).isEqualTo("{\"entries\":1000,\"headHash\":\"" + Hex.of(HEAD)
                + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signedAt\":\"2026-05-10T10:00:00.000000Z\"}");
    }

    @Test
    void anyChangeToACheckpointBreaksItsSignature() {
        Checkpoint signed = SigningKey.generate().sign(1000, HEAD, Instant.parse("2026-05-10T10:00:00Z"));
        byte[] otherHead = HEAD.clone();
        otherHead[0] ^= 1;

        assertThat(SigningKey.verify(new Checkpoint(1001, signed.headHash(), signed.signedAt(), signed.keyId(),
                signed.publicKey(), signed.signature()))).isFalse();
        assertThat(SigningKey.verify(new Checkpoint(1000, otherHead, signed.signedAt(), signed.keyId(),
                signed.publicKey(), signed.signature()))).isFalse();
        String otherKey = SigningKey.generate().publicKeyBase64();
        assertThat(SigningKey.verify(new Checkpoint(1000, signed.headHash(), signed.signedAt(), signed.keyId(),
                otherKey, signed.signature()))).isFalse();
    }

    @Test
    void theConfiguredPrivateKeyGivesItsOwnPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + pkcs8 + "\n-----END PRIVATE KEY-----\n";

        SigningKey key = SigningKey.fromPkcs8(pkcs8);

        assertThat(key.publicKeyBase64()).isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(SigningKey.fromPkcs8(pem).keyId()).isEqualTo(key.keyId());
        assertThat(SigningKey.verify(key.sign(1, HEAD, Instant.parse("2026-05-10T10:00:00Z")))).isTrue();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> SigningKey.fromPkcs8("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }
}
