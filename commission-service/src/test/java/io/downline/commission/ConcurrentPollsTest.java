package io.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.commission.domain.Periods;
import io.downline.commission.service.NewRefund;
import io.downline.commission.service.NewSale;
import io.downline.commission.service.OrderEvent;
import io.downline.commission.service.OrderEvents;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two polls applied at the same time (two partitions' consumers) that change the same members' volumes, each
 * touching them in the opposite order: a refund of one seller's sale and a sale of the other. Both write their
 * volumes last, in one statement in key order, so they wait for each other instead of deadlocking. The overlap is
 * proven: a third connection holds the first volume row while both polls are seen waiting for it in
 * pg_stat_activity, each with its refund's sale row locked.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ConcurrentPollsTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    OrderEvents orders;

    @Test
    void twoPollsChangingTheSameVolumesInOppositeOrdersBothCommit() throws Exception {
        TestTree tree = new TestTree(dataSource);
        Member sponsor = tree.member(tree.member(null));
        Member first = tree.member(sponsor);
        Member second = tree.member(sponsor);
        Instant at = clock.instant();
        String period = Periods.format(Periods.of(at));
        UUID firstSale = TestTree.sale(first, "100.00", at);
        UUID secondSale = TestTree.sale(second, "100.00", at);
        // The row every writer locks first: volumes are written in the order of the members' ids.
        Member lockedFirst = first.id().compareTo(second.id()) < 0 ? first : second;

        List<OrderEvent> onePoll = List.of(refund(firstSale, "30.00", at), sale(second, "20.00", at));
        List<OrderEvent> otherPoll = List.of(refund(secondSale, "40.00", at), sale(first, "10.00", at));
        List<CompletableFuture<Void>> polls;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT 1 FROM member_volume WHERE member_id = ? AND period = ? FOR UPDATE")) {
                lock.setObject(1, lockedFirst.id());
                lock.setString(2, period);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            polls = List.of(applyAsync(onePoll), applyAsync(otherPoll));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> LockWaits.count(dataSource, "%INSERT INTO member_volume%") == 2);
            assertThat(tree.count("SELECT count(*) FROM refund WHERE order_id IN (?, ?)", firstSale, secondSale))
                    .as("neither poll has committed while both wait").isZero();
            blocker.commit();
        }
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();

        assertThat(tree.decimal("SELECT pv FROM member_volume WHERE member_id = ? AND period = ?", first.id(), period))
                .isEqualByComparingTo("80.00"); // 100 - 30 + 10
        assertThat(tree.decimal("SELECT pv FROM member_volume WHERE member_id = ? AND period = ?", second.id(), period))
                .isEqualByComparingTo("80.00"); // 100 - 40 + 20
        assertThat(tree.decimal("SELECT refunded_cv FROM sale WHERE order_id = ?", firstSale)).isEqualByComparingTo("30.00");
        assertThat(tree.decimal("SELECT refunded_cv FROM sale WHERE order_id = ?", secondSale)).isEqualByComparingTo("40.00");
        assertThat(tree.count("SELECT count(*) FROM sale WHERE seller_id IN (?, ?)", first.id(), second.id())).isEqualTo(4);
    }

    private CompletableFuture<Void> applyAsync(List<OrderEvent> poll) {
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> orders.applyAll(poll)));
    }

    private static NewSale sale(Member seller, String cv, Instant at) {
        return new NewSale(UUID.randomUUID(), seller.id(), new BigDecimal(cv), "USD", new BigDecimal(cv), at);
    }

    private static NewRefund refund(UUID order, String cv, Instant at) {
        return new NewRefund(UUID.randomUUID(), order, new BigDecimal(cv), new BigDecimal(cv), at);
    }
}
