package io.downline.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** The service's Ed25519 key (JDK 15+): signs checkpoints; anyone verifies them with the public key. */
public final class SigningKey {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** From base64 of the private key's PKCS#8 encoding (what {@code openssl genpkey -algorithm ed25519} writes in PEM). */
    public static SigningKey fromPkcs8(String base64) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(stripPem(base64))));
            return new SigningKey(key, publicKeyOf((EdECPrivateKey) key));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("the signing key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 17 has Ed25519", e);
        }
    }

    public Checkpoint sign(long entries, byte[] headHash, Instant signedAt) {
        Instant at = EntryTime.truncate(signedAt);
        String message = Checkpoint.message(entries, headHash, at, keyId);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(entries, headHash, at, keyId, publicKeyBase64(),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the checkpoint's signature verifies with the public key it names. */
    public static boolean verify(Checkpoint checkpoint) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.publicKey())));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedMessage().getBytes(StandardCharsets.UTF_8));
            return keyId(key).equals(checkpoint.keyId())
                    && verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String keyId() {
        return keyId;
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + publicKeyBase64() + "\n-----END PUBLIC KEY-----\n";
    }

    /** The first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    private static String keyId(PublicKey key) {
        return Hex.of(ChainHash.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    private static PublicKey publicKeyOf(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] scalar = key.getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        // The JDK derives the public point only inside a key pair generator seeded with the private bytes.
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(scalar));
        PublicKey derived = generator.generateKeyPair().getPublic();
        EdECPoint point = ((java.security.interfaces.EdECPublicKey) derived).getPoint();
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static String stripPem(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    /** A "random" source that returns the given private key bytes, so that the generator derives its public key. */
    private static final class FixedBytes extends java.security.SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }
}
