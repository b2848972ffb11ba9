package io.downline.kyc.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.DefaultBean;

/** The default document store: table {@code kyc_document_segment}, in the caller's transaction. */
@ApplicationScoped
@DefaultBean
public class PostgresDocumentStore implements DocumentStore {

    private final EntityManager entityManager;

    public PostgresDocumentStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(UUID documentId, int index, byte[] ciphertext) {
        entityManager.createNativeQuery("INSERT INTO kyc_document_segment (document_id, seq, ciphertext)"
                + " VALUES (:id, :seq, :ciphertext)")
                .setParameter("id", documentId).setParameter("seq", index).setParameter("ciphertext", ciphertext)
                .executeUpdate();
    }

    @Override
    public byte[] read(UUID documentId, int index) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = entityManager.createNativeQuery("SELECT ciphertext FROM kyc_document_segment"
                + " WHERE document_id = :id AND seq = :seq")
                .setParameter("id", documentId).setParameter("seq", index).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("Segment " + index + " of document " + documentId + " is missing");
        }
        return rows.get(0);
    }
}
