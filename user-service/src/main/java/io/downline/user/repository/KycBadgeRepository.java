package io.downline.user.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.user.domain.KycBadge;

/** The KYC badge columns of {@code member}, read locked and written in one statement. */
@ApplicationScoped
public class KycBadgeRepository {

    private final EntityManager entityManager;

    public KycBadgeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The member's badge, locked until the transaction ends; empty when the member is not known. */
    public Optional<KycBadge> lock(UUID memberId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT kyc_level, kyc_status, kyc_expires_at, kyc_case_id FROM member WHERE id = ?1 FOR UPDATE""")
                .setParameter(1, memberId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new KycBadge((String) columns[0], (String) columns[1], instant(columns[2]), (UUID) columns[3]);
        });
    }

    /** Writes the badge; the version moves, so a concurrent change of the member loaded before fails. */
    public void save(UUID memberId, KycBadge badge, Instant now) {
        entityManager.createNativeQuery("""
                UPDATE member SET kyc_level = ?2, kyc_status = ?3, kyc_expires_at = ?4, kyc_case_id = ?5,
                    updated_at = ?6, version = version + 1
                WHERE id = ?1""")
                .setParameter(1, memberId)
                .setParameter(2, badge.level())
                .setParameter(3, badge.status())
                .setParameter(4, badge.expiresAt())
                .setParameter(5, badge.caseId())
                .setParameter(6, now)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
