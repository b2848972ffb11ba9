package io.downline.commission.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.commission.domain.PlanVersion;

/** The {@code plan_version} table. */
@ApplicationScoped
public class PlanRepository {

    private static final String COLUMNS = "version, document::text, status, active_from, created_at, created_by";

    private final EntityManager em;

    public PlanRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The number of the version in force at the instant: the latest activation not after it. Only the number: an
     * active version's document never changes, and callers keep it parsed.
     */
    public int versionInForceAt(Instant at) {
        List<?> rows = em.createNativeQuery("SELECT version FROM plan_version WHERE status = 'ACTIVE'"
                + " AND active_from <= ?1 ORDER BY active_from DESC, version DESC LIMIT 1").setParameter(1, at)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No plan version is in force at " + at);
        }
        return Rows.integer(rows.get(0));
    }

    public Optional<PlanVersion> find(int version) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM plan_version WHERE version = ?1")
                .setParameter(1, version));
    }

    public Optional<PlanVersion> lock(int version) {
        return one(em.createNativeQuery("SELECT " + COLUMNS + " FROM plan_version WHERE version = ?1 FOR UPDATE")
                .setParameter(1, version));
    }

    @SuppressWarnings("unchecked")
    public List<PlanVersion> list() {
        return ((List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " FROM plan_version ORDER BY version")
                .getResultList()).stream().map(PlanRepository::map).toList();
    }

    /** Inserts a draft under the next version number (a table lock keeps two drafts from taking the same one). */
    public int insertDraft(String document, Instant now, String actor) {
        em.createNativeQuery("LOCK TABLE plan_version IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        int version = ((Number) em.createNativeQuery("SELECT coalesce(max(version), 0) + 1 FROM plan_version")
                .getSingleResult()).intValue();
        em.createNativeQuery("INSERT INTO plan_version (version, document, status, created_at, created_by)"
                + " VALUES (?1, cast(?2 AS jsonb), 'DRAFT', ?3, ?4)")
                .setParameter(1, version).setParameter(2, document).setParameter(3, now).setParameter(4, actor)
                .executeUpdate();
        return version;
    }

    public void activate(int version, Instant from) {
        em.createNativeQuery("UPDATE plan_version SET status = 'ACTIVE', active_from = ?2 WHERE version = ?1")
                .setParameter(1, version).setParameter(2, from).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Optional<PlanVersion> one(jakarta.persistence.Query query) {
        return ((List<Object[]>) query.getResultList()).stream().findFirst().map(PlanRepository::map);
    }

    private static PlanVersion map(Object[] row) {
        return new PlanVersion(Rows.integer(row[0]), (String) row[1], (String) row[2], Rows.instant(row[3]),
                Rows.instant(row[4]), (String) row[5]);
    }
}
