package io.downline.kyc.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.downline.kyc.domain.DocumentFormat;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycDocument;

/** The {@code kyc_document} table: metadata and the wrapped data key of each document. */
@ApplicationScoped
public class DocumentRepository {

    private static final String COLUMNS = "id, case_id, type, content_type, size, sha256, segment_size, segments,"
            + " master_key_id, wrapped_key, nonce_prefix, sealed_details, uploaded_by, uploaded_at";

    private final EntityManager entityManager;

    public DocumentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void insert(KycDocument d) {
        entityManager.createNativeQuery("INSERT INTO kyc_document (" + COLUMNS + ") VALUES (:id, :case, :type,"
                + " :contentType, :size, :sha256, :segmentSize, :segments, :keyId, :wrapped, :prefix, :details,"
                + " :uploadedBy, :uploadedAt)").unwrap(NativeQuery.class)
                .setParameter("id", d.id(), StandardBasicTypes.UUID)
                .setParameter("case", d.caseId(), StandardBasicTypes.UUID)
                .setParameter("type", d.type().name(), StandardBasicTypes.STRING)
                .setParameter("contentType", d.format().contentType(), StandardBasicTypes.STRING)
                .setParameter("size", d.size(), StandardBasicTypes.LONG)
                .setParameter("sha256", d.sha256(), StandardBasicTypes.STRING)
                .setParameter("segmentSize", d.segmentSize(), StandardBasicTypes.INTEGER)
                .setParameter("segments", d.segments(), StandardBasicTypes.INTEGER)
                .setParameter("keyId", d.masterKeyId(), StandardBasicTypes.STRING)
                .setParameter("wrapped", d.wrappedKey(), StandardBasicTypes.BINARY)
                .setParameter("prefix", d.noncePrefix(), StandardBasicTypes.BINARY)
                .setParameter("details", d.sealedDetails(), StandardBasicTypes.BINARY)
                .setParameter("uploadedBy", d.uploadedBy(), StandardBasicTypes.STRING)
                .setParameter("uploadedAt", d.uploadedAt(), StandardBasicTypes.INSTANT)
                .executeUpdate();
    }

    public Optional<KycDocument> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM kyc_document WHERE id = :id").setParameter("id", id)
                .getResultStream().findFirst().map(DocumentRepository::toDocument);
    }

    public List<KycDocument> ofCase(UUID caseId) {
        return query("SELECT " + COLUMNS + " FROM kyc_document WHERE case_id = :case ORDER BY uploaded_at, id")
                .setParameter("case", caseId).getResultStream().map(DocumentRepository::toDocument).toList();
    }

    /** The types of the documents uploaded to the case at or after {@code since} (all of them when null). */
    public Set<DocumentType> typesOf(UUID caseId, Instant since) {
        return ofCase(caseId).stream().filter(d -> since == null || !d.uploadedAt().isBefore(since))
                .map(KycDocument::type).collect(Collectors.toSet());
    }

    /** Documents whose data key is wrapped by another master key than {@code keyId}, locked; held ones skipped. */
    public List<KycDocument> lockWrappedByOtherThan(String keyId, int limit) {
        return query("SELECT " + COLUMNS + " FROM kyc_document WHERE master_key_id <> :key ORDER BY id"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("key", keyId).setParameter("limit", limit)
                .getResultStream().map(DocumentRepository::toDocument).toList();
    }

    public void updateWrap(KycDocument d) {
        entityManager.createNativeQuery("UPDATE kyc_document SET master_key_id = :key, wrapped_key = :wrapped"
                + " WHERE id = :id")
                .setParameter("key", d.masterKeyId()).setParameter("wrapped", d.wrappedKey()).setParameter("id", d.id())
                .executeUpdate();
    }

    /** How many documents each master key wraps. */
    public Map<String, Long> countByMasterKey() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT master_key_id, count(*) FROM kyc_document"
                + " GROUP BY master_key_id ORDER BY master_key_id").getResultList();
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("case_id", StandardBasicTypes.UUID)
                .addScalar("type", StandardBasicTypes.STRING)
                .addScalar("content_type", StandardBasicTypes.STRING)
                .addScalar("size", StandardBasicTypes.LONG)
                .addScalar("sha256", StandardBasicTypes.STRING)
                .addScalar("segment_size", StandardBasicTypes.INTEGER)
                .addScalar("segments", StandardBasicTypes.INTEGER)
                .addScalar("master_key_id", StandardBasicTypes.STRING)
                .addScalar("wrapped_key", StandardBasicTypes.BINARY)
                .addScalar("nonce_prefix", StandardBasicTypes.BINARY)
                .addScalar("sealed_details", StandardBasicTypes.BINARY)
                .addScalar("uploaded_by", StandardBasicTypes.STRING)
                .addScalar("uploaded_at", StandardBasicTypes.INSTANT);
    }

    private static KycDocument toDocument(Object[] row) {
        return new KycDocument((UUID) row[0], (UUID) row[1], DocumentType.valueOf((String) row[2]),
                DocumentFormat.ofContentType((String) row[3]), (Long) row[4], (String) row[5], (Integer) row[6],
                (Integer) row[7], (String) row[8], (byte[]) row[9], (byte[]) row[10], (byte[]) row[11],
                (String) row[12], (Instant) row[13]);
    }
}
