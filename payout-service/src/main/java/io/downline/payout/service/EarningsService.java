package io.downline.payout.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.Amounts;
import io.downline.payout.domain.LedgerBatch;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.Postings;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.incentives.IncentiveAwarded;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;

/**
 * Credits and debits that come from other domains' events. Each posting's cause is the id of the thing the
 * event is about (the commission line, the reversal, the award), so a re-emitted event under a new event id is
 * refused by the ledger too, not only a redelivery.
 */
@ApplicationScoped
public class EarningsService {

    static final String LINE = "commission-line";
    static final String RELEASE = "commission-release";

    private final LedgerService ledger;
    private final Parking parking;
    private final PayoutConfig config;

    public EarningsService(LedgerService ledger, Parking parking, PayoutConfig config) {
        this.ledger = ledger;
        this.parking = parking;
        this.config = config;
    }

    /**
     * Applies consumed events in their order, in the caller's transaction: the wallets of all of them are locked
     * once and their transfers, balances and wallet events written together. The result is that of applying them
     * one by one ({@code applyAll(List.of(event))} is the single event's path): each event sees the postings of
     * those before it. Events that move no money (ranks, ITEM rewards, other types) are ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<? extends EventPayload> events) {
        List<Step> steps = new ArrayList<>(events.size());
        Set<UUID> members = new HashSet<>();
        Set<UUID> causes = new HashSet<>();
        for (EventPayload event : events) {
            step(event).ifPresent(step -> {
                steps.add(step);
                members.add(step.memberId());
                causes.addAll(step.causeIds());
            });
        }
        ledger.postAll(members, causes, batch -> steps.forEach(step -> step.apply().accept(batch)));
    }

    /** What one event does to the batch, checked in the same order as ever (a wait before a bad amount). */
    private record Step(UUID memberId, List<UUID> causeIds, Consumer<LedgerBatch> apply) {
    }

    private Optional<Step> step(EventPayload event) {
        if (event instanceof CommissionEarned earned) {
            return Optional.of(new Step(earned.beneficiaryId(), List.of(earned.lineId()),
                    batch -> commissionEarned(batch, earned)));
        }
        if (event instanceof CommissionReleased released) {
            return Optional.of(new Step(released.beneficiaryId(), List.of(released.lineId()),
                    batch -> commissionReleased(batch, released)));
        }
        if (event instanceof CommissionReversed reversed) {
            return Optional.of(new Step(reversed.beneficiaryId(), List.of(reversed.lineId(), reversed.reversalId()),
                    batch -> commissionReversed(batch, reversed)));
        }
        if (event instanceof IncentiveAwarded awarded && "CASH".equals(awarded.reward().type())) {
            return Optional.of(new Step(awarded.memberId(), List.of(awarded.awardId()),
                    batch -> incentiveAwarded(batch, awarded)));
        }
        return Optional.empty();
    }

    private void commissionEarned(LedgerBatch batch, CommissionEarned event) {
        BigDecimal amount = amount(event.amount());
        batch.post(event.beneficiaryId(), event.lineId(), LedgerReason.COMMISSION_EARNED,
                before -> Postings.commissionEarned(event.lineId(), event.beneficiaryId(), amount));
        parking.release(LINE, event.lineId());
    }

    /** A line fully reversed before its release is released at 0.00: nothing moves. */
    private void commissionReleased(LedgerBatch batch, CommissionReleased event) {
        requireEarned(batch, event.lineId());
        if (event.amount().amount().signum() != 0) {
            BigDecimal amount = amount(event.amount());
            batch.post(event.beneficiaryId(), event.lineId(), LedgerReason.COMMISSION_RELEASED,
                    before -> Postings.commissionReleased(event.lineId(), event.beneficiaryId(), amount, before));
        }
        parking.release(RELEASE, event.lineId());
    }

    private void commissionReversed(LedgerBatch batch, CommissionReversed event) {
        requireEarned(batch, event.lineId());
        if (event.released() && !batch.applied(event.lineId(), LedgerReason.COMMISSION_RELEASED)) {
            throw new WaitingFor(RELEASE, event.lineId());
        }
        BigDecimal amount = amount(event.amount());
        batch.post(event.beneficiaryId(), event.reversalId(), LedgerReason.COMMISSION_REVERSED,
                before -> Postings.commissionReversed(event.reversalId(), event.beneficiaryId(), amount,
                        event.released(), before));
    }

    /** Only a CASH reward reaches the wallet (an item is fulfilled elsewhere). */
    private void incentiveAwarded(LedgerBatch batch, IncentiveAwarded event) {
        if (event.reward().cash() == null) {
            throw new BusinessRuleException("A CASH reward without an amount");
        }
        BigDecimal amount = amount(event.reward().cash());
        batch.post(event.memberId(), event.awardId(), LedgerReason.INCENTIVE_AWARDED,
                before -> Postings.incentiveAwarded(event.awardId(), event.memberId(), amount, before));
    }

    private static void requireEarned(LedgerBatch batch, UUID lineId) {
        if (!batch.applied(lineId, LedgerReason.COMMISSION_EARNED)) {
            throw new WaitingFor(LINE, lineId);
        }
    }

    private BigDecimal amount(Money money) {
        if (!config.currency().equals(money.currency())) {
            throw new BusinessRuleException("This wallet keeps " + config.currency() + ", not " + money.currency());
        }
        return Amounts.positive("amount", money.amount());
    }
}
