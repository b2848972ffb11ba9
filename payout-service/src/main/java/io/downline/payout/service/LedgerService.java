package io.downline.payout.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.AccountKind;
import io.downline.payout.domain.Balances;
import io.downline.payout.domain.LedgerBatch;
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
     * Locks the member's wallet and writes the transfers that {@code plan} computes from the current balances. For
     * a payout's postings: its state machine makes each of them once (every transition holds the payout's row lock),
     * and the ledger's unique (cause, leg) refuses a second one anyway, so no lookup for an earlier posting is made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posting post(UUID memberId, UUID causeId, LedgerReason reason, Function<Balances, List<Transfer>> plan) {
        return post(memberId, causeId, reason, plan, List.of());
    }

    /**
     * As {@link #post}, and queues {@code alsoPublish} after the wallet event in the same outbox statement: a step
     * that announces itself as well as the posting writes its events in one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posting post(UUID memberId, UUID causeId, LedgerReason reason, Function<Balances, List<Transfer>> plan,
            List<OutboxWriter.Event> alsoPublish) {
        Instant now = clock.instant();
        Balances before = ledger.lockWallet(memberId, config.currency(), now);
        List<Transfer> transfers = plan.apply(before);
        Balances after = before.after(transfers);
        if (!after.valid()) {
            throw new BusinessRuleException("The " + reason + " posting would leave the wallet of member " + memberId
                    + " outside its rules");
        }
        ledger.post(memberId, transfers, after, config.currency(), now);
        List<OutboxWriter.Event> events = new ArrayList<>(alsoPublish.size() + 1);
        walletEvent(memberId, causeId, reason, before, after, transfers, now).ifPresent(events::add);
        events.addAll(alsoPublish);
        outbox.publishAll(events);
        return new Posting(before, after, transfers);
    }

    /**
     * Posts several causes in one go: locks the members' wallets once (in member id order), lets {@code postings}
     * post each cause to the {@link LedgerBatch} in order, with the same rules as {@link #post}, then writes every
     * transfer, each changed wallet once and each posting's wallet event.
     *
     * @param memberIds every member {@code postings} may post to
     * @param causeIds  every cause {@code postings} may post or ask about; empty when each posting is made once by
     *                  its caller's state machine (a payout's), so that nothing is looked up
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postAll(Set<UUID> memberIds, Set<UUID> causeIds, Consumer<LedgerBatch> postings) {
        if (memberIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LedgerBatch batch = new LedgerBatch(ledger.lockWallets(memberIds, config.currency(), now),
                causeIds.isEmpty() ? Map.of() : ledger.appliedReasons(causeIds));
        postings.accept(batch);
        ledger.postAll(batch.transfers(), batch.changedWallets(), config.currency(), now);
        List<OutboxWriter.Event> events = new ArrayList<>();
        for (LedgerBatch.Posted posted : batch.postings()) {
            Posting posting = posted.posting();
            walletEvent(posted.memberId(), posted.causeId(), posted.reason(), posting.before(), posting.after(),
                    posting.transfers(), now).ifPresent(events::add);
        }
        outbox.publishAll(events);
    }

    /** {@code wallet.credited} or {@code wallet.debited} when the available balance moved. */
    private Optional<OutboxWriter.Event> walletEvent(UUID memberId, UUID causeId, LedgerReason reason,
            Balances before, Balances after, List<Transfer> transfers, Instant now) {
        BigDecimal change = after.available().subtract(before.available());
        if (change.signum() == 0) {
            return Optional.empty();
        }
        UUID transferId = transfers.stream().filter(t -> t.touches(AccountKind.AVAILABLE)).findFirst()
                .orElseThrow().id();
        Money balance = money(after.available());
        if (change.signum() > 0) {
            return Optional.of(new OutboxWriter.Event(EventType.WALLET_CREDITED, memberId, new WalletCredited(transferId,
                    memberId, money(change), reason.name(), causeId, balance, now)));
        }
        return Optional.of(new OutboxWriter.Event(EventType.WALLET_DEBITED, memberId, new WalletDebited(transferId,
                memberId, money(change.negate()), reason.name(), causeId, balance, now)));
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, config.currency());
    }
}
