package io.downline.payout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.BusinessRuleException;

class LedgerBatchTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final Balances START = new Balances(amount("10.00"), amount("0.00"), amount("0.00"),
            amount("0.00"));

    @Test
    void eachCauseIsPlannedAgainstTheBalancesThePreviousOnesLeftAndTheWalletIsWrittenOnce() {
        UUID line = UUID.randomUUID();
        LedgerBatch batch = new LedgerBatch(Map.of(MEMBER, START), Map.of());
        batch.post(MEMBER, line, LedgerReason.COMMISSION_EARNED,
                before -> Postings.commissionEarned(line, MEMBER, amount("25.00")));
        assertThat(batch.applied(line, LedgerReason.COMMISSION_EARNED)).isTrue();
        batch.post(MEMBER, line, LedgerReason.COMMISSION_RELEASED,
                before -> Postings.commissionReleased(line, MEMBER, amount("25.00"), before));

        assertThat(batch.transfers()).extracting(Transfer::reason)
                .containsExactly(LedgerReason.COMMISSION_EARNED, LedgerReason.COMMISSION_RELEASED);
        assertThat(batch.changedWallets()).containsExactly(Map.entry(MEMBER,
                new Balances(amount("35.00"), amount("0.00"), amount("0.00"), amount("0.00"))));
        assertThat(batch.postings()).extracting(p -> p.posting().before().available())
                .containsExactly(amount("10.00"), amount("10.00"));
    }

    @Test
    void aCausePostedBeforeOrEarlierInTheBatchIsNotPostedAgain() {
        UUID old = UUID.randomUUID();
        UUID award = UUID.randomUUID();
        LedgerBatch batch = new LedgerBatch(Map.of(MEMBER, START),
                Map.of(old, Set.of(LedgerReason.INCENTIVE_AWARDED)));
        batch.post(MEMBER, old, LedgerReason.INCENTIVE_AWARDED,
                before -> Postings.incentiveAwarded(old, MEMBER, amount("5.00"), before));
        for (int i = 0; i < 2; i++) {
            batch.post(MEMBER, award, LedgerReason.INCENTIVE_AWARDED,
                    before -> Postings.incentiveAwarded(award, MEMBER, amount("5.00"), before));
        }
        assertThat(batch.transfers()).extracting(Transfer::causeId).containsExactly(award);
        assertThat(batch.changedWallets().get(MEMBER).available()).isEqualByComparingTo("15.00");
    }

    @Test
    void aPostingThatBreaksABalanceRuleIsRefusedAndAnUnlockedWalletIsABug() {
        UUID payout = UUID.randomUUID();
        LedgerBatch batch = new LedgerBatch(Map.of(MEMBER, START), Map.of());
        assertThatThrownBy(() -> batch.post(MEMBER, payout, LedgerReason.PAYOUT_PAID,
                before -> Postings.paid(payout, MEMBER, amount("1.00"))))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(batch.transfers()).isEmpty();
        assertThatThrownBy(() -> batch.post(UUID.randomUUID(), payout, LedgerReason.PAYOUT_PAID,
                before -> Postings.paid(payout, MEMBER, amount("1.00"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
