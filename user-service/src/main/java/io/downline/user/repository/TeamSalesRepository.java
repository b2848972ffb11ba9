package io.downline.user.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.user.domain.Period;
import io.downline.user.domain.TeamSales;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Team sales per period. Every write is a single upsert statement, so concurrent orders of one team add up
 * without lost updates.
 */
@ApplicationScoped
public class TeamSalesRepository implements PanacheRepositoryBase<TeamSales, Long> {

    public Optional<TeamSales> ofPeriod(UUID teamId, Period period) {
        return find("teamId = ?1 and period = ?2", teamId, period.toString()).firstResultOptional();
    }

    /** The period's target, read without loading the row (it may be changed by an upsert next). */
    public BigDecimal targetOf(UUID teamId, Period period) {
        List<BigDecimal> found = getEntityManager()
                .createQuery("select s.targetVolume from TeamSales s where s.teamId = ?1 and s.period = ?2", BigDecimal.class)
                .setParameter(1, teamId)
                .setParameter(2, period.toString())
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Counts an order's volume, in the order's period, for every team the seller leads or belongs to now, and
     * remembers those teams for its refunds. Teams the order was counted for before are skipped. Returns how
     * many teams it was counted for.
     */
    public int creditOrder(UUID orderId, UUID sellerId, Period period, BigDecimal volume) {
        return getEntityManager().createNativeQuery("""
                WITH credited AS (
                    INSERT INTO team_sale_order (order_id, team_id, period)
                    SELECT ?1, t.id, ?2 FROM team t
                    WHERE t.leader_id = ?3
                       OR EXISTS (SELECT 1 FROM team_membership tm WHERE tm.team_id = t.id AND tm.member_id = ?3)
                    ON CONFLICT DO NOTHING
                    RETURNING team_id, period)
                INSERT INTO team_sales (team_id, period, sales_volume)
                SELECT team_id, period, ?4 FROM credited
                ON CONFLICT (team_id, period) DO UPDATE SET sales_volume = team_sales.sales_volume + EXCLUDED.sales_volume""")
                .setParameter(1, orderId)
                .setParameter(2, period.toString())
                .setParameter(3, sellerId)
                .setParameter(4, volume)
                .executeUpdate();
    }

    /**
     * Takes a refund's volume off the teams its order was counted for, in the order's period, once per refund id:
     * the same refund delivered again, under any event id, changes nothing. Returns how many teams it changed.
     */
    public int debitRefund(UUID orderId, UUID refundId, BigDecimal volume) {
        return getEntityManager().createNativeQuery("""
                WITH refund AS (
                    INSERT INTO team_sale_refund (refund_id, order_id) VALUES (?2, ?1)
                    ON CONFLICT DO NOTHING
                    RETURNING order_id)
                INSERT INTO team_sales (team_id, period, sales_volume)
                SELECT o.team_id, o.period, ?3 FROM team_sale_order o JOIN refund r ON r.order_id = o.order_id
                ON CONFLICT (team_id, period) DO UPDATE SET sales_volume = team_sales.sales_volume + EXCLUDED.sales_volume""")
                .setParameter(1, orderId)
                .setParameter(2, refundId)
                .setParameter(3, volume.negate())
                .executeUpdate();
    }

    public void setTarget(UUID teamId, Period period, BigDecimal target) {
        getEntityManager().createNativeQuery("""
                INSERT INTO team_sales (team_id, period, target_volume) VALUES (?1, ?2, ?3)
                ON CONFLICT (team_id, period) DO UPDATE SET target_volume = EXCLUDED.target_volume""")
                .setParameter(1, teamId)
                .setParameter(2, period.toString())
                .setParameter(3, target)
                .executeUpdate();
    }
}
