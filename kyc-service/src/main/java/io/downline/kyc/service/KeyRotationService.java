package io.downline.kyc.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.kyc.domain.KycDocument;
import io.downline.kyc.repository.DocumentRepository;
import io.downline.platform.audit.AdminAudit;

/**
 * Moves every document's data key to the active master key: unwrap with the old key, wrap with the active one.
 * The content is never re-encrypted. One transaction: all documents move, or none.
 */
@ApplicationScoped
public class KeyRotationService {

    private static final int BATCH = 500;

    private final DocumentRepository documents;
    private final DocumentVault vault;
    private final KeyRing keys;
    private final AdminAudit audit;

    public KeyRotationService(DocumentRepository documents, DocumentVault vault, KeyRing keys, AdminAudit audit) {
        this.documents = documents;
        this.vault = vault;
        this.keys = keys;
        this.audit = audit;
    }

    /** @param rewrapped documents moved to the active key by this call */
    public record Rewrap(String activeKeyId, int rewrapped, Map<String, Long> documentsByKey) {
    }

    @Transactional
    public Rewrap rewrapAll() {
        String active = keys.activeId();
        Map<String, Long> before = documents.countByMasterKey();
        int rewrapped = 0;
        List<KycDocument> batch;
        do {
            batch = documents.lockWrappedByOtherThan(active, BATCH);
            for (KycDocument document : batch) {
                documents.updateWrap(vault.rewrap(document, active));
            }
            rewrapped += batch.size();
        } while (batch.size() == BATCH);
        Map<String, Long> after = documents.countByMasterKey();
        audit.record("kyc.master-key-rewrap", "kyc-master-key", active, Map.of("documentsByKey", before),
                Map.of("documentsByKey", after, "rewrapped", rewrapped));
        return new Rewrap(active, rewrapped, after);
    }
}
