package io.downline.payout.service;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.Amounts;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.Postings;
import io.downline.platform.domain.BusinessRuleException;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void commissionEarned(CommissionEarned event) {
        BigDecimal amount = amount(event.amount());
        ledger.post(event.beneficiaryId(), event.lineId(), LedgerReason.COMMISSION_EARNED,
                before -> Postings.commissionEarned(event.lineId(), event.beneficiaryId(), amount));
        parking.release(LINE, event.lineId());
    }

    /** A line fully reversed before its release is released at 0.00: nothing moves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commissionReleased(CommissionReleased event) {
        requireEarned(event.lineId());
        if (event.amount().amount().signum() != 0) {
            BigDecimal amount = amount(event.amount());
            ledger.post(event.beneficiaryId(), event.lineId(), LedgerReason.COMMISSION_RELEASED,
                    before -> Postings.commissionReleased(event.lineId(), event.beneficiaryId(), amount, before));
        }
        parking.release(RELEASE, event.lineId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void commissionReversed(CommissionReversed event) {
        requireEarned(event.lineId());
        if (event.released() && !ledger.applied(event.lineId(), LedgerReason.COMMISSION_RELEASED)) {
            throw new WaitingFor(RELEASE, event.lineId());
        }
        BigDecimal amount = amount(event.amount());
        ledger.post(event.beneficiaryId(), event.reversalId(), LedgerReason.COMMISSION_REVERSED,
                before -> Postings.commissionReversed(event.reversalId(), event.beneficiaryId(), amount,
                        event.released(), before));
    }

    /** Only a CASH reward reaches the wallet; an item is fulfilled elsewhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void incentiveAwarded(IncentiveAwarded event) {
        if (!"CASH".equals(event.reward().type())) {
            return;
        }
        if (event.reward().cash() == null) {
            throw new BusinessRuleException("A CASH reward without an amount");
        }
        BigDecimal amount = amount(event.reward().cash());
        ledger.post(event.memberId(), event.awardId(), LedgerReason.INCENTIVE_AWARDED,
                before -> Postings.incentiveAwarded(event.awardId(), event.memberId(), amount, before));
    }

    private void requireEarned(UUID lineId) {
        if (!ledger.applied(lineId, LedgerReason.COMMISSION_EARNED)) {
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
