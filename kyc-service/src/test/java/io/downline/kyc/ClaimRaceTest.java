package io.downline.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.downline.kyc.TestMembers.Member;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.LockWaits;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two officers claim one case at the same moment. A third connection holds the case's row lock while both
 * requests are sent; the test waits until PostgreSQL shows both claims blocked on that lock (so they provably
 * overlap), then releases it: exactly one claim wins, the other gets 409, and one review-started is announced.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ClaimRaceTest {

    @Test
    void concurrentClaimsOfOneCaseExactlyOneWins() throws Exception {
        Member member = TestMembers.register();
        UUID caseId = Kyc.submittedBasicCase(member);
        List<String> officers = List.of(TestMembers.officer("officer-a-" + UUID.randomUUID()),
                TestMembers.officer("officer-b-" + UUID.randomUUID()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (EventLog kyc = EventLog.tail(Topics.KYC); Connection holder = Db.connect();
                Connection probe = Db.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM kyc_case WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, caseId);
                lock.executeQuery();
            }
            List<CompletableFuture<Integer>> claims = officers.stream()
                    .map(officer -> CompletableFuture.supplyAsync(
                            () -> Kyc.claim(officer, caseId).extract().statusCode(), pool))
                    .toList();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> LockWaits.count(probe, "%FROM kyc_case WHERE id = %FOR UPDATE%") == 2);
            holder.rollback();

            List<Integer> statuses = claims.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
            kyc.await(EventType.KYC_REVIEW_STARTED, caseId);
            assertThat(kyc.drain(EventType.KYC_REVIEW_STARTED, e -> e.subject().equals(caseId.toString()),
                    Duration.ofMillis(500))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
