package io.downline.commission.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.domain.SaleRecord;
import io.downline.commission.repository.SaleRepository;
import io.downline.commission.repository.UplineRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.outbox.OutboxWriter;

/**
 * Sales and refunds recorded through the API (admins, integrations): refused up front when they could never
 * apply, then applied by the same {@link SaleService} the shop's events go through, and published on
 * {@code orders.events.v1} as the shop would (the service's own consumer then finds them applied already).
 */
@ApplicationScoped
public class SalesIntake {

    private final SaleService sales;
    private final SaleRepository saleRows;
    private final UplineRepository members;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Clock clock;

    public SalesIntake(SaleService sales, SaleRepository saleRows, UplineRepository members, OutboxWriter outbox,
            AdminAudit audit, Clock clock) {
        this.sales = sales;
        this.saleRows = saleRows;
        this.members = members;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SaleRecord record(NewSale order) {
        if (order.completedAt().isAfter(clock.instant())) {
            throw new BusinessRuleException("completedAt", "A sale cannot be completed in the future");
        }
        if (!members.memberExists(order.sellerId())) {
            throw new BusinessRuleException("memberId", "Unknown member " + order.sellerId());
        }
        if (saleRows.find(order.orderId()).isPresent()) {
            throw new ConflictException("Order " + order.orderId() + " is recorded already; the same order is one sale");
        }
        SaleRecord sale = sales.complete(order);
        Instant now = clock.instant();
        outbox.publish(EventType.ORDER_COMPLETED, order.orderId(), new OrderCompleted(order.orderId(),
                order.sellerId(), new Money(order.amount(), order.currency()), order.cv(), order.completedAt(), now));
        audit.record("sale.record", "order", order.orderId(), null, Map.of("sellerId", order.sellerId(),
                "amount", order.amount(), "commissionableVolume", order.cv(), "currency", order.currency()));
        return sale;
    }

    @Transactional
    public SaleRecord refund(UUID orderId, BigDecimal amount, BigDecimal cv, UUID refundId) {
        SaleRecord before = saleRows.lock(orderId).orElseThrow(() -> NotFoundException.of("Order", orderId));
        Instant now = clock.instant();
        UUID id = refundId == null ? UUID.randomUUID() : refundId;
        if (refundId != null && saleRows.refundExists(refundId)) {
            throw new ConflictException("Refund " + refundId + " is recorded already");
        }
        sales.refund(new NewRefund(id, orderId, amount, cv, now));
        outbox.publish(EventType.ORDER_REFUNDED, orderId, new OrderRefunded(orderId, id, before.sellerId(),
                new Money(amount, before.currency()), cv, now));
        audit.record("sale.refund", "order", orderId, Map.of("refundedAmount", before.refundedAmount(),
                "refundedCv", before.refundedCv()), Map.of("refundId", id, "amount", amount, "commissionableVolume", cv));
        return saleRows.find(orderId).orElseThrow();
    }
}
