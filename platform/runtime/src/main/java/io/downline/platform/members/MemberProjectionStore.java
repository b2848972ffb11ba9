package io.downline.platform.members;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The {@code member_projection} table. Reading members is open to a service's own code; writing is the
 * projection's alone.
 */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class MemberProjectionStore {

    private static final String COLUMNS =
            "member_id, oidc_subject, sponsor_id, status, country, registered_at, updated_at";

    private final EntityManager entityManager;

    public MemberProjectionStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<ProjectedMember> find(UUID memberId) {
        return first(query("SELECT " + COLUMNS + " FROM member_projection WHERE member_id = ?1", memberId));
    }

    public Optional<ProjectedMember> findBySubject(String oidcSubject) {
        return first(query("SELECT " + COLUMNS + " FROM member_projection WHERE oidc_subject = ?1", oidcSubject));
    }

    /** The member's row, locked until the transaction ends. */
    Optional<ProjectedMember> lock(UUID memberId) {
        return first(query("SELECT " + COLUMNS + " FROM member_projection WHERE member_id = ?1 FOR UPDATE", memberId));
    }

    /** Inserts the member; false when they were registered before. */
    boolean insert(ProjectedMember member) {
        return entityManager.createNativeQuery("INSERT INTO member_projection (" + COLUMNS + ")"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (member_id) DO NOTHING")
                .setParameter(1, member.memberId())
                .setParameter(2, member.oidcSubject())
                .setParameter(3, member.sponsorId())
                .setParameter(4, member.status().name())
                .setParameter(5, member.country())
                .setParameter(6, member.registeredAt())
                .setParameter(7, member.updatedAt())
                .executeUpdate() == 1;
    }

    void update(ProjectedMember member) {
        entityManager.createNativeQuery("UPDATE member_projection SET sponsor_id = ?2, status = ?3, country = ?4,"
                + " updated_at = ?5 WHERE member_id = ?1")
                .setParameter(1, member.memberId())
                .setParameter(2, member.sponsorId())
                .setParameter(3, member.status().name())
                .setParameter(4, member.country())
                .setParameter(5, member.updatedAt())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> query(String sql, Object parameter) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .setParameter(1, parameter)
                .addScalar("member_id", StandardBasicTypes.UUID)
                .addScalar("oidc_subject", StandardBasicTypes.STRING)
                .addScalar("sponsor_id", StandardBasicTypes.UUID)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("country", StandardBasicTypes.STRING)
                .addScalar("registered_at", StandardBasicTypes.INSTANT)
                .addScalar("updated_at", StandardBasicTypes.INSTANT);
    }

    private static Optional<ProjectedMember> first(NativeQuery<Object[]> query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new ProjectedMember((UUID) row[0], (String) row[1],
                (UUID) row[2], MemberStatus.valueOf((String) row[3]), (String) row[4], (Instant) row[5],
                (Instant) row[6]));
    }
}
