package io.downline.payout.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.AccountKind;
import io.downline.payout.domain.Balances;
import io.downline.payout.domain.LedgerReason;
import io.downline.payout.domain.Posting;
import io.downline.payout.domain.Transfer;
import io.downline.payout.repository.LedgerRepository;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.payouts.WalletCredited;
import io.downline.platform.events.payouts.WalletDebited;
import io.downline.platform.outbox.OutboxWriter;

/**
 * Posts the transfers of one cause to one member's wallet, at most once, and announces what it did to the
 * member's available balance. Only the member's wallet row is locked: company accounts are never a row.
 */
@ApplicationScoped
public class LedgerService {

    private final LedgerRepository ledger;
    private final OutboxWriter outbox;
    private final PayoutConfig config;
    private final Clock clock;

    public LedgerService(LedgerRepository ledger, OutboxWriter outbox, PayoutConfig config, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Locks the member's wallet and, unless this cause was posted before, writes the transfers that
     * {@code plan} computes from the current balances. Empty when the cause had already been posted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Posting> post(UUID memberId, UUID causeId, LedgerReason reason,
            Function<Balances, List<Transfer>> plan) {
        Instant now = clock.instant();
        Balances before = ledger.lockWallet(memberId, config.currency(), now);
        if (ledger.applied(causeId, reason)) {
            return Optional.empty();
        }
        List<Transfer> transfers = plan.apply(before);
        Balances after = before.after(transfers);
        if (!after.valid()) {
            throw new BusinessRuleException("The " + reason + " posting would leave the wallet of member " + memberId
                    + " outside its rules");
        }
        ledger.post(memberId, transfers, after, config.currency(), now);
        announce(memberId, causeId, reason, before, after, transfers, now);
        return Optional.of(new Posting(before, after, transfers));
    }

    /** Whether a posting of the cause exists; call it inside {@link #post}'s plan or holding the wallet lock. */
    public boolean applied(UUID causeId, LedgerReason reason) {
        return ledger.applied(causeId, reason);
    }

    private void announce(UUID memberId, UUID causeId, LedgerReason reason, Balances before, Balances after,
            List<Transfer> transfers, Instant now) {
        BigDecimal change = after.available().subtract(before.available());
        if (change.signum() == 0) {
            return;
        }
        UUID transferId = transfers.stream().filter(t -> t.touches(AccountKind.AVAILABLE)).findFirst()
                .orElseThrow().id();
        Money balance = money(after.available());
        if (change.signum() > 0) {
            outbox.publish(EventType.WALLET_CREDITED, memberId, new WalletCredited(transferId, memberId, money(change),
                    reason.name(), causeId, balance, now));
        } else {
            outbox.publish(EventType.WALLET_DEBITED, memberId, new WalletDebited(transferId, memberId,
                    money(change.negate()), reason.name(), causeId, balance, now));
        }
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, config.currency());
    }
}
