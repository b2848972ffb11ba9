package io.downline.kyc.service;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.kyc.config.KycConfig;
import io.downline.kyc.domain.EnvelopeCrypto;

/**
 * The master keys from configuration ({@code kyc.encryption.keys."<id>"}, base64 of 32 bytes) and the active id.
 * A malformed key, or an active id without a key, stops the service at start; a document whose key id is no
 * longer configured cannot be read ({@link MissingMasterKey}, a 500 that names the id).
 */
@ApplicationScoped
public class KeyRing {

    /** The built-in key of the local run: never for real documents. */
    static final String LOCAL_DEV_KEY_ID = "local-dev";

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final String activeId;
    private final Map<String, byte[]> keys = new TreeMap<>();

    /** A document's data key is wrapped by a master key that configuration no longer has. */
    public static final class MissingMasterKey extends IllegalStateException {
        MissingMasterKey(String id) {
            super("Master key \"" + id + "\" is not configured (kyc.encryption.keys.\"" + id + "\"): documents wrapped"
                    + " by it cannot be decrypted; restore the key, and re-wrap before retiring a key");
        }
    }

    public KeyRing(KycConfig config) {
        config.encryption().keys().forEach((id, encoded) -> keys.put(id, decode(id, encoded)));
        this.activeId = config.encryption().activeKeyId();
        if (!keys.containsKey(activeId)) {
            throw new IllegalStateException("kyc.encryption.active-key-id is \"" + activeId
                    + "\" but no key of that id is configured; configured ids: " + keys.keySet());
        }
        if (LOCAL_DEV_KEY_ID.equals(activeId)) {
            LOG.warn("KYC documents are encrypted with the built-in local development key: set KYC_ACTIVE_KEY_ID and"
                    + " the keys (kyc.encryption.keys.\"<id>\") for any real use");
        }
    }

    public String activeId() {
        return activeId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    public byte[] key(String id) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new MissingMasterKey(id);
        }
        return key;
    }

    private static byte[] decode(String id, String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Master key \"" + id + "\" is not valid base64", e);
        }
        if (key.length != EnvelopeCrypto.KEY_BYTES) {
            throw new IllegalStateException("Master key \"" + id + "\" has " + key.length + " bytes; AES-256 needs "
                    + EnvelopeCrypto.KEY_BYTES);
        }
        return key;
    }
}
