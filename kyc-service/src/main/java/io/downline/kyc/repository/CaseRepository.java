package io.downline.kyc.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.downline.kyc.domain.CaseStatus;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycCase;
import io.downline.kyc.domain.KycLevel;

/** The {@code kyc_case} table. */
@ApplicationScoped
public class CaseRepository {

    private static final String COLUMNS = "id, member_id, level, status, country, created_at, submitted_at, reviewer,"
            + " claimed_at, decided_at, reason, array_to_string(resubmission_types, ',') AS resubmission_types,"
            + " resubmission_requested_at, expires_at, closed_at, updated_at";

    private final EntityManager entityManager;

    public CaseRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The officers' queue filter: statuses (never empty), and optionally a level and a country. */
    public record QueueFilter(Collection<CaseStatus> statuses, KycLevel level, String country) {
    }

    public void insert(KycCase c) {
        bind(entityManager.createNativeQuery("INSERT INTO kyc_case (id, member_id, level, status, country, created_at,"
                + " submitted_at, reviewer, claimed_at, decided_at, reason, resubmission_types, resubmission_requested_at,"
                + " expires_at, closed_at, updated_at) VALUES (:id, :member, :level, :status, :country, :created,"
                + " :submitted, :reviewer, :claimed, :decided, :reason, string_to_array(:types, ','), :resubmissionAt,"
                + " :expires, :closed, :updated)"), c).executeUpdate();
    }

    public void update(KycCase c) {
        bind(entityManager.createNativeQuery("UPDATE kyc_case SET member_id = :member, level = :level, status = :status,"
                + " country = :country, created_at = :created, submitted_at = :submitted, reviewer = :reviewer,"
                + " claimed_at = :claimed, decided_at = :decided, reason = :reason,"
                + " resubmission_types = string_to_array(:types, ','), resubmission_requested_at = :resubmissionAt,"
                + " expires_at = :expires, closed_at = :closed, updated_at = :updated WHERE id = :id"), c).executeUpdate();
    }

    public Optional<KycCase> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM kyc_case WHERE id = :id").setParameter("id", id)
                .getResultStream().findFirst().map(CaseRepository::toCase);
    }

    /** The case, its row locked until the transaction ends (every transition goes through this). */
    public Optional<KycCase> lock(UUID id) {
        return query("SELECT " + COLUMNS + " FROM kyc_case WHERE id = :id FOR UPDATE").setParameter("id", id)
                .getResultStream().findFirst().map(CaseRepository::toCase);
    }

    public List<KycCase> ofMember(UUID memberId) {
        return query("SELECT " + COLUMNS + " FROM kyc_case WHERE member_id = :member ORDER BY created_at, id")
                .setParameter("member", memberId).getResultStream().map(CaseRepository::toCase).toList();
    }

    /** The member's cases in an open status, locked. */
    public List<KycCase> lockOpenOf(UUID memberId) {
        return query("SELECT " + COLUMNS + " FROM kyc_case WHERE member_id = :member AND status IN (:statuses)"
                + " ORDER BY id FOR UPDATE")
                .setParameter("member", memberId).setParameter("statuses", names(CaseStatus.OPEN))
                .getResultStream().map(CaseRepository::toCase).toList();
    }

    /** Approved cases whose expiry has come, locked; ones another instance holds are skipped. */
    public List<KycCase> lockDueForExpiry(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM kyc_case WHERE status = 'APPROVED' AND expires_at <= :now"
                + " ORDER BY expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", now).setParameter("limit", limit)
                .getResultStream().map(CaseRepository::toCase).toList();
    }

    /** Keeps the queue's country filter in step with the member's profile. */
    public int updateCountry(UUID memberId, String country, Instant now) {
        return entityManager.createNativeQuery("UPDATE kyc_case SET country = :country, updated_at = :now"
                + " WHERE member_id = :member AND country IS DISTINCT FROM :country")
                .setParameter("country", country).setParameter("now", now).setParameter("member", memberId)
                .executeUpdate();
    }

    /** One page of the queue, oldest submission first. */
    public List<KycCase> queue(QueueFilter filter, int page, int size) {
        return bindFilter(query("SELECT " + COLUMNS + " FROM kyc_case WHERE " + where(filter)
                + " ORDER BY submitted_at, id LIMIT :limit OFFSET :offset"), filter)
                .setParameter("limit", size).setParameter("offset", (long) page * size)
                .getResultStream().map(CaseRepository::toCase).toList();
    }

    /**
     * How many cases the filter matches, counting no further than {@code cap}: an exact count of a long queue
     * reads every entry (tens of milliseconds at 100,000 open cases), the capped one at most {@code cap}.
     */
    public long queueSize(QueueFilter filter, int cap) {
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM kyc_case WHERE "
                + where(filter) + " LIMIT :cap) AS matching");
        return ((Number) bindFilter(count, filter).setParameter("cap", cap).getSingleResult()).longValue();
    }

    /**
     * The statuses are written as literals (enum names, never caller text): a bound list would hide from the
     * planner that the default queue matches the partial index {@code kyc_case_queue_open}.
     */
    private static String where(QueueFilter filter) {
        String statuses = filter.statuses().stream().map(s -> "'" + s.name() + "'").sorted()
                .collect(Collectors.joining(", "));
        return "status IN (" + statuses + ")" + (filter.level() == null ? "" : " AND level = :level")
                + (filter.country() == null ? "" : " AND country = :country");
    }

    private static <Q extends Query> Q bindFilter(Q query, QueueFilter filter) {
        if (filter.level() != null) {
            query.setParameter("level", filter.level().name());
        }
        if (filter.country() != null) {
            query.setParameter("country", filter.country());
        }
        return query;
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static Query bind(Query plain, KycCase c) {
        // Typed, so that a null binds as its column's type rather than as bytea.
        NativeQuery<?> query = plain.unwrap(NativeQuery.class);
        return query.setParameter("id", c.id(), StandardBasicTypes.UUID)
                .setParameter("member", c.memberId(), StandardBasicTypes.UUID)
                .setParameter("level", c.level().name(), StandardBasicTypes.STRING)
                .setParameter("status", c.status().name(), StandardBasicTypes.STRING)
                .setParameter("country", c.country(), StandardBasicTypes.STRING)
                .setParameter("created", c.createdAt(), StandardBasicTypes.INSTANT)
                .setParameter("submitted", c.submittedAt(), StandardBasicTypes.INSTANT)
                .setParameter("reviewer", c.reviewer(), StandardBasicTypes.STRING)
                .setParameter("claimed", c.claimedAt(), StandardBasicTypes.INSTANT)
                .setParameter("decided", c.decidedAt(), StandardBasicTypes.INSTANT)
                .setParameter("reason", c.reason(), StandardBasicTypes.STRING)
                .setParameter("types", String.join(",", names(c.resubmissionTypes())), StandardBasicTypes.STRING)
                .setParameter("resubmissionAt", c.resubmissionRequestedAt(), StandardBasicTypes.INSTANT)
                .setParameter("expires", c.expiresAt(), StandardBasicTypes.INSTANT)
                .setParameter("closed", c.closedAt(), StandardBasicTypes.INSTANT)
                .setParameter("updated", c.updatedAt(), StandardBasicTypes.INSTANT);
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("member_id", StandardBasicTypes.UUID)
                .addScalar("level", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("country", StandardBasicTypes.STRING)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("submitted_at", StandardBasicTypes.INSTANT)
                .addScalar("reviewer", StandardBasicTypes.STRING)
                .addScalar("claimed_at", StandardBasicTypes.INSTANT)
                .addScalar("decided_at", StandardBasicTypes.INSTANT)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("resubmission_types", StandardBasicTypes.STRING)
                .addScalar("resubmission_requested_at", StandardBasicTypes.INSTANT)
                .addScalar("expires_at", StandardBasicTypes.INSTANT)
                .addScalar("closed_at", StandardBasicTypes.INSTANT)
                .addScalar("updated_at", StandardBasicTypes.INSTANT);
    }

    private static KycCase toCase(Object[] row) {
        String types = (String) row[11];
        List<DocumentType> resubmission = types == null || types.isEmpty() ? List.of()
                : Arrays.stream(types.split(",")).map(DocumentType::valueOf).toList();
        return new KycCase((UUID) row[0], (UUID) row[1], KycLevel.valueOf((String) row[2]),
                CaseStatus.valueOf((String) row[3]), (String) row[4], (Instant) row[5], (Instant) row[6],
                (String) row[7], (Instant) row[8], (Instant) row[9], (String) row[10], resubmission,
                (Instant) row[12], (Instant) row[13], (Instant) row[14], (Instant) row[15]);
    }
}
