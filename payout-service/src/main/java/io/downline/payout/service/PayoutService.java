package io.downline.payout.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.Amounts;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.Payout;
import io.downline.payout.domain.Postings;
import io.downline.payout.repository.PayoutApprovalRepository;
import io.downline.payout.repository.PayoutEligibility;
import io.downline.payout.repository.PayoutRepository;
import io.downline.payout.repository.PayoutStore;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutFailed;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/**
 * The payout workflow. Each step changes the payout, posts its transfers and queues its events in one
 * transaction. Lock order is always payout row(s) first, then the member's wallet row.
 */
@ApplicationScoped
public class PayoutService {

    private final PayoutRepository payouts;
    private final PayoutStore rows;
    private final PayoutApprovalRepository approvals;
    private final PayoutEligibility eligible;
    private final LedgerService ledger;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final PayoutConfig config;
    private final Clock clock;

    public PayoutService(PayoutRepository payouts, PayoutStore rows, PayoutApprovalRepository approvals,
            PayoutEligibility eligible, LedgerService ledger, OutboxWriter outbox,
            AdminAudit audit, Caller caller, PayoutConfig config, Clock clock) {
        this.payouts = payouts;
        this.rows = rows;
        this.approvals = approvals;
        this.eligible = eligible;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    /** The caller asks to be paid out; the amount moves from available to on hold at once. */
    @Transactional
    public Payout request(BigDecimal requested, UUID methodId) {
        caller.requireGoodStanding();
        UUID memberId = caller.requireMemberId();
        BigDecimal amount = Amounts.positive("amount", requested);
        if (amount.compareTo(config.minimum()) < 0) {
            throw new BusinessRuleException("amount", "The minimum payout is " + Amounts.scaled(config.minimum()));
        }
        Instant now = clock.instant();
        PayoutEligibility.Eligibility eligibility = eligible.of(memberId, methodId, now);
        if (!eligibility.ownsMethod()) {
            // Another member's method is refused like one that does not exist.
            throw new BusinessRuleException("methodId", "You have no payout method with this id");
        }
        if (!eligibility.fullKyc()) {
            throw new BusinessRuleException("A payout needs an approved, unexpired FULL KYC verification");
        }
        UUID id = UUID.randomUUID();
        int required = amount.compareTo(config.dualApprovalFrom()) >= 0 ? 2 : 1;
        List<OutboxWriter.Event> announced = List.of(new OutboxWriter.Event(EventType.PAYOUT_REQUESTED, id,
                new PayoutRequested(id, memberId, money(amount), required, now)));
        // The wallet lock serialises one member's requests: the open-request check and the hold see the same state.
        // The hold's wallet event and payout.requested go out in one outbox statement.
        ledger.post(memberId, id, LedgerReason.PAYOUT_HOLD, before -> {
            if (payouts.hasOpen(memberId)) {
                throw new ConflictException("You already have an open payout request; wait for it or cancel it");
            }
            return Postings.hold(id, memberId, amount, before);
        }, announced);
        Payout payout = Payout.request(id, memberId, caller.subject(), methodId, amount, config.currency(), required,
                now);
        rows.insert(payout);
        audit.record("payout.request", "payout", id, null, PayoutSnapshot.of(payout));
        return payout;
    }

    /** One finance approval; the payout is approved when it has the approvals it needs. */
    @Transactional
    public Payout approve(UUID id) {
        String reviewer = caller.subject();
        Instant now = clock.instant();
        Payout payout = lock(id);
        PayoutSnapshot before = PayoutSnapshot.of(payout);
        payout.approve(reviewer, now);
        if (!approvals.add(id, reviewer, payout.requesterSubject, now)) {
            throw new ConflictException("You have approved payout " + id + " already; it needs another approver");
        }
        rows.update(List.of(payout));
        publish(EventType.PAYOUT_APPROVED, id, new PayoutApproved(id, payout.memberId, money(payout.amount),
                reviewer, payout.approvals, payout.requiredApprovals, now));
        audit.record("payout.approve", "payout", id, before, PayoutSnapshot.of(payout));
        return payout;
    }

    @Transactional
    public Payout reject(UUID id, String reason) {
        String reviewer = caller.subject();
        Instant now = clock.instant();
        Payout payout = lock(id);
        PayoutSnapshot before = PayoutSnapshot.of(payout);
        payout.reject(reviewer, reason, now);
        rows.update(List.of(payout));
        releaseHold(payout, List.of(new OutboxWriter.Event(EventType.PAYOUT_REJECTED, id, new PayoutRejected(id,
                payout.memberId, money(payout.amount), reviewer, reason, now))));
        audit.record("payout.reject", "payout", id, before, PayoutSnapshot.of(payout));
        return payout;
    }

    /** The requester withdraws a request no one has approved in full yet. */
    @Transactional
    public Payout cancel(UUID id) {
        caller.requireGoodStanding();
        Payout payout = rows.lock(id).filter(p -> caller.isMember(p.memberId))
                .orElseThrow(() -> new AccessDeniedException("You may only cancel your own payout requests"));
        PayoutSnapshot before = PayoutSnapshot.of(payout);
        payout.cancel(clock.instant());
        rows.update(List.of(payout));
        releaseHold(payout, List.of());
        audit.record("payout.cancel", "payout", id, before, PayoutSnapshot.of(payout));
        return payout;
    }

    /**
     * The bank's outcomes for a batch of approved payouts: all are applied, or none. The payouts are locked in id
     * order, then their members' wallets in member id order (one statement), and the postings of the whole batch are
     * written set-based, like a consumed batch: a bank file of n payouts costs a handful of statements, not n times
     * as many.
     */
    @Transactional
    public List<Payout> settle(List<Settlement> settlements) {
        List<UUID> ids = settlements.stream().map(Settlement::payoutId).toList();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new BusinessRuleException("items", "Each payout may appear once in a batch");
        }
        Map<UUID, Payout> locked = new HashMap<>();
        rows.lockAll(ids).forEach(payout -> locked.put(payout.id, payout));
        UUID missing = ids.stream().filter(id -> !locked.containsKey(id)).findFirst().orElse(null);
        if (missing != null) {
            throw NotFoundException.of("Payout", missing);
        }
        Instant now = clock.instant();
        List<PayoutSnapshot> before = new ArrayList<>();
        List<OutboxWriter.Event> events = new ArrayList<>();
        Set<UUID> members = new HashSet<>();
        locked.values().forEach(payout -> members.add(payout.memberId));
        // Posted once by the state machine (each payout's row is locked), so no lookup of earlier postings.
        ledger.postAll(members, Set.of(), batch -> {
            for (Settlement settlement : settlements) {
                Payout payout = locked.get(settlement.payoutId());
                before.add(PayoutSnapshot.of(payout));
                if (settlement.outcome() == Settlement.Outcome.PAID) {
                    payout.markPaid(settlement.reference(), now);
                    batch.post(payout.memberId, payout.id, LedgerReason.PAYOUT_PAID,
                            balances -> Postings.paid(payout.id, payout.memberId, payout.amount));
                    events.add(new OutboxWriter.Event(EventType.PAYOUT_PAID, payout.id, new PayoutPaid(payout.id,
                            payout.memberId, money(payout.amount), settlement.reference(), now)));
                } else {
                    payout.markFailed(settlement.reason(), now);
                    batch.post(payout.memberId, payout.id, LedgerReason.PAYOUT_HOLD_RELEASED,
                            balances -> Postings.releaseHold(payout.id, payout.memberId, payout.amount));
                    events.add(new OutboxWriter.Event(EventType.PAYOUT_FAILED, payout.id, new PayoutFailed(payout.id,
                            payout.memberId, money(payout.amount), settlement.reason(), now)));
                }
            }
        });
        rows.update(List.copyOf(locked.values()));
        outbox.publishAll(events);
        for (int i = 0; i < ids.size(); i++) {
            audit.record("payout.settle", "payout", ids.get(i), before.get(i), PayoutSnapshot.of(locked.get(ids.get(i))));
        }
        return ids.stream().map(locked::get).toList();
    }

    /** A payout: its member, or staff. Members asking for another's (or an unknown id) are refused alike. */
    public Payout get(UUID id) {
        Payout payout = payouts.findById(id);
        if (caller.hasAnyRole(Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR)) {
            if (payout == null) {
                throw NotFoundException.of("Payout", id);
            }
            return payout;
        }
        if (payout == null || !caller.isMember(payout.memberId)) {
            throw new AccessDeniedException("You may only see your own payouts");
        }
        return payout;
    }

    public List<String> approvers(UUID id) {
        return approvals.approversOf(id);
    }

    /** The finance queue. */
    public PayoutRepository.Slice search(PayoutRepository.Filter filter, int page, int size) {
        return payouts.search(filter, page, size);
    }

    /** The caller's own payouts. */
    public PayoutRepository.Slice mine(int page, int size) {
        return payouts.search(new PayoutRepository.Filter(null, null, null, caller.requireMemberId()), page, size);
    }

    private Payout lock(UUID id) {
        return rows.lock(id).orElseThrow(() -> NotFoundException.of("Payout", id));
    }

    private void releaseHold(Payout payout, List<OutboxWriter.Event> alsoPublish) {
        ledger.post(payout.memberId, payout.id, LedgerReason.PAYOUT_HOLD_RELEASED,
                balances -> Postings.releaseHold(payout.id, payout.memberId, payout.amount), alsoPublish);
    }

    /** One row through the outbox's plain-JDBC insert: no query translation and no session flush before it. */
    private void publish(EventType type, UUID payoutId, EventPayload payload) {
        outbox.publishAll(List.of(new OutboxWriter.Event(type, payoutId, payload)));
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, config.currency());
    }
}
