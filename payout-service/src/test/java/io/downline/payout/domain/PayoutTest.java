package io.downline.payout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.ConflictException;

class PayoutTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void twoApprovalsCompleteADualApprovalPayoutWhichIsThenPaid() {
        Payout payout = payout(2);
        assertThat(payout.approve("f1", NOW)).isFalse();
        assertThat(payout.status).isEqualTo(PayoutStatus.REQUESTED);
        assertThat(payout.approve("f2", NOW)).isTrue();
        assertThat(payout.status).isEqualTo(PayoutStatus.APPROVED);
        assertThatThrownBy(() -> payout.cancel(NOW)).isInstanceOf(ConflictException.class);
        payout.markPaid("REF", NOW);
        assertThat(payout.status).isEqualTo(PayoutStatus.PAID);
        assertThat(payout.status.open()).isFalse();
        assertThatThrownBy(() -> payout.markFailed("late", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theRequesterNeverReviewsTheirOwnPayout() {
        Payout payout = payout(1);
        assertThatThrownBy(() -> payout.approve("requester", NOW)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payout.reject("requester", "no", NOW)).isInstanceOf(AccessDeniedException.class);
        assertThat(payout.approvals).isZero();
    }

    @Test
    void onlyARequestedPayoutIsRejectedCancelledOrApproved() {
        Payout rejected = payout(1);
        rejected.reject("f1", "missing documents", NOW);
        assertThat(rejected.status).isEqualTo(PayoutStatus.REJECTED);
        assertThatThrownBy(() -> rejected.approve("f2", NOW)).isInstanceOf(ConflictException.class);
        Payout cancelled = payout(1);
        cancelled.cancel(NOW);
        assertThatThrownBy(() -> cancelled.reject("f1", "x", NOW)).isInstanceOf(ConflictException.class);
        Payout requested = payout(1);
        assertThatThrownBy(() -> requested.markPaid("REF", NOW)).isInstanceOf(ConflictException.class);
        requested.approve("f1", NOW);
        requested.markFailed("account closed", NOW);
        assertThat(requested.status).isEqualTo(PayoutStatus.FAILED);
    }

    private static Payout payout(int approvals) {
        return Payout.request(UUID.randomUUID(), UUID.randomUUID(), "requester", UUID.randomUUID(),
                new BigDecimal("100.00"), "USD", approvals, NOW);
    }
}
