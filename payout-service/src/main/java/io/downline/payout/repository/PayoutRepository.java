package io.downline.payout.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.domain.Payout;
import io.downline.payout.domain.PayoutStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PayoutRepository implements PanacheRepositoryBase<Payout, UUID> {

    /** The filter of the finance queue; every field may be null. */
    public record Filter(PayoutStatus status, BigDecimal minAmount, BigDecimal maxAmount, UUID memberId) {
    }

    /** One page of the filter's payouts and the count and sum of all that match. */
    public record Slice(List<Payout> items, long count, BigDecimal total) {
    }

    /** Plain SQL on the request's hot path (an HQL query with an IN list is translated anew on every call). */
    private static final String HAS_OPEN = """
            SELECT EXISTS (SELECT 1 FROM payout WHERE member_id = ? AND status IN ('REQUESTED', 'APPROVED'))""";

    private final AgroalDataSource dataSource;

    public PayoutRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the member has a payout that is REQUESTED or APPROVED ({@link PayoutStatus#OPEN}). */
    public boolean hasOpen(UUID memberId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(HAS_OPEN)) {
            statement.setObject(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new LedgerRepository.LedgerStoreException(e);
        }
    }

    public Slice search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.minAmount() != null) {
            where.add("amount >= :min");
            parameters.put("min", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.add("amount <= :max");
            parameters.put("max", filter.maxAmount());
        }
        if (filter.memberId() != null) {
            where.add("memberId = :member");
            parameters.put("member", filter.memberId());
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<Payout> items = find(condition, Sort.by("requestedAt").and("id"), parameters)
                .page(Page.of(page, size)).list();
        var totals = getEntityManager().createQuery(
                "select count(p), coalesce(sum(p.amount), 0) from Payout p where " + condition, Object[].class);
        parameters.forEach(totals::setParameter);
        Object[] row = totals.getSingleResult();
        return new Slice(items, (Long) row[0], ((BigDecimal) row[1]).setScale(2));
    }

    public List<Payout> approved() {
        return list("status", Sort.by("requestedAt").and("id"), PayoutStatus.APPROVED);
    }
}
