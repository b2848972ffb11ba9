package io.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.commission.TestTree.Member;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.LockWaits;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two refunds of one sale that together exceed it: the sale's row lock puts them one after the other, so exactly
 * one passes. The overlap is proven: a third connection holds the row while both requests are seen waiting for it
 * in pg_stat_activity.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class RefundRaceTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Test
    void twoRefundsThatTogetherExceedTheSaleOneWins() throws Exception {
        TestTree tree = new TestTree(dataSource);
        Member root = tree.member(null);
        Member seller = tree.member(tree.member(root));
        UUID order = TestTree.sale(seller, "100.00", clock.instant());

        List<CompletableFuture<Integer>> refunds;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT 1 FROM sale WHERE order_id = ? FOR UPDATE")) {
                lock.setObject(1, order);
                lock.executeQuery();
            }
            refunds = List.of(refundAsync(order), refundAsync(order));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> LockWaits.count(dataSource, "%FROM sale WHERE order_id%FOR UPDATE%") == 2);
            blocker.commit();
        }
        List<Integer> statuses = refunds.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(201, 422);
        assertThat(tree.decimal("SELECT refunded_cv FROM sale WHERE order_id = ?", order)).isEqualByComparingTo("60.00");
        assertThat(tree.count("SELECT count(*) FROM refund WHERE order_id = ?", order)).isEqualTo(1);
    }

    private static CompletableFuture<Integer> refundAsync(UUID order) {
        return CompletableFuture.supplyAsync(() -> TestTree.asAdmin()
                .body(Map.of("amount", "60.00", "commissionableVolume", "60.00"))
                .post("/api/commissions/sales/{id}/refunds", order).then().extract().statusCode());
    }
}
