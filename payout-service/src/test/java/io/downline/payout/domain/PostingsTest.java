package io.downline.payout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.BusinessRuleException;

class PostingsTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID CAUSE = UUID.randomUUID();

    @Test
    void aReleasePaysTheClawbackFirstThenTheAvailableBalance() {
        Balances before = balances("0.00", "50.00", "0.00", "-30.00");
        List<Transfer> transfers = Postings.commissionReleased(CAUSE, MEMBER, amount("50.00"), before);
        assertThat(transfers).extracting(t -> t.credit().kind(), Transfer::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AccountKind.CLAWBACK, amount("30.00")),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.AVAILABLE, amount("20.00")));
        assertThat(before.after(transfers)).isEqualTo(balances("20.00", "0.00", "0.00", "0.00"));
    }

    @Test
    void aReversalOfReleasedMoneyTakesTheAvailableBalanceAndOwesTheRest() {
        Balances before = balances("20.00", "0.00", "80.00", "0.00");
        List<Transfer> transfers = Postings.commissionReversed(CAUSE, MEMBER, amount("50.00"), true, before);
        assertThat(before.after(transfers)).isEqualTo(balances("0.00", "0.00", "80.00", "-30.00"));
        assertThat(transfers).allSatisfy(t -> assertThat(t.credit().kind()).isEqualTo(AccountKind.COMMISSION_EXPENSE));
        assertThat(transfers).extracting(Transfer::id).doesNotHaveDuplicates();
    }

    @Test
    void aReversalBeforeReleaseComesOutOfPendingAndNeverMoreThanItHolds() {
        Balances before = balances("0.00", "40.00", "0.00", "0.00");
        assertThat(before.after(Postings.commissionReversed(CAUSE, MEMBER, amount("15.00"), false, before)))
                .isEqualTo(balances("0.00", "25.00", "0.00", "0.00"));
        assertThatThrownBy(() -> Postings.commissionReversed(CAUSE, MEMBER, amount("40.01"), false, before))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aHoldNeedsTheAvailableBalanceAndItsReleaseGivesItBack() {
        Balances before = balances("100.00", "0.00", "0.00", "0.00");
        assertThatThrownBy(() -> Postings.hold(CAUSE, MEMBER, amount("100.01"), before))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("exceeds");
        Balances held = before.after(Postings.hold(CAUSE, MEMBER, amount("100.00"), before));
        assertThat(held).isEqualTo(balances("0.00", "0.00", "100.00", "0.00"));
        assertThat(held.after(Postings.releaseHold(CAUSE, MEMBER, amount("100.00")))).isEqualTo(before);
        assertThat(held.after(Postings.paid(CAUSE, MEMBER, amount("100.00"))))
                .isEqualTo(balances("0.00", "0.00", "0.00", "0.00"));
    }

    @Test
    void transferIdsAreDerivedFromCauseAndLegSoTheSameCauseGivesTheSameIds() {
        Balances before = balances("0.00", "0.00", "0.00", "-5.00");
        List<Transfer> once = Postings.incentiveAwarded(CAUSE, MEMBER, amount("10.00"), before);
        List<Transfer> twice = Postings.incentiveAwarded(CAUSE, MEMBER, amount("10.00"), before);
        assertThat(once).extracting(Transfer::id).isEqualTo(twice.stream().map(Transfer::id).toList());
        assertThat(once).extracting(Transfer::leg).containsExactly("INCENTIVE_AWARDED:CLAWBACK", "INCENTIVE_AWARDED");
    }

    @Test
    void accountsAndTransfersRefuseNonsense() {
        assertThatThrownBy(() -> Account.company(AccountKind.AVAILABLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.member(AccountKind.FEES, MEMBER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transfer.of(CAUSE, LedgerReason.PAYOUT_HOLD, Account.member(AccountKind.AVAILABLE, MEMBER),
                Account.member(AccountKind.ON_HOLD, MEMBER), new BigDecimal("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsAreNeverRounded() {
        assertThat(Amounts.positive("amount", new BigDecimal("12.3"))).isEqualTo(new BigDecimal("12.30"));
        assertThat(Amounts.positive("amount", new BigDecimal("12.300"))).isEqualTo(new BigDecimal("12.30"));
        assertThatThrownBy(() -> Amounts.positive("amount", new BigDecimal("12.301")))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> Amounts.positive("amount", BigDecimal.ZERO)).isInstanceOf(BusinessRuleException.class);
    }

    private static Balances balances(String available, String pending, String onHold, String clawback) {
        return new Balances(amount(available), amount(pending), amount(onHold), amount(clawback));
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
