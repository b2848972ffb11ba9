package io.downline.notification.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.notification.domain.LiveFigures;

/** {@code live_figures} and {@code payout_waiting}: what the analytics room shows. */
@ApplicationScoped
public class FiguresRepository {

    private final EntityManager em;

    public FiguresRepository(EntityManager em) {
        this.em = em;
    }

    public void add(long signups, BigDecimal sales, BigDecimal commissions, Instant now) {
        em.createNativeQuery("UPDATE live_figures SET signups = signups + ?1, sales_volume = sales_volume + ?2,"
                + " commissions = commissions + ?3, updated_at = ?4 WHERE id = 1")
                .setParameter(1, signups).setParameter(2, sales).setParameter(3, commissions).setParameter(4, now)
                .executeUpdate();
    }

    public void payoutWaiting(UUID payoutId, UUID memberId, Instant requestedAt) {
        em.createNativeQuery("INSERT INTO payout_waiting (payout_id, member_id, requested_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (payout_id) DO NOTHING")
                .setParameter(1, payoutId).setParameter(2, memberId).setParameter(3, requestedAt).executeUpdate();
    }

    public void payoutDecided(UUID payoutId) {
        em.createNativeQuery("DELETE FROM payout_waiting WHERE payout_id = ?1").setParameter(1, payoutId)
                .executeUpdate();
    }

    public LiveFigures read() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT signups, sales_volume, commissions,"
                + " (SELECT count(*) FROM payout_waiting) FROM live_figures WHERE id = 1").getSingleResult();
        return new LiveFigures(((Number) row[0]).longValue(), (BigDecimal) row[1], (BigDecimal) row[2],
                ((Number) row[3]).longValue());
    }
}
