package io.downline.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.audit.domain.Jcs;
import io.downline.audit.domain.NewEntry;
import io.downline.audit.service.AuditAppender;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two writers at once (two instances, or the consumer and another): the chain's advisory lock lets one at a time
 * read the head and append, so the batches land one after the other, each in its own order, and the chain holds.
 */
@QuarkusTest
@WithTestResource(AuditTestResource.class)
class ConcurrentAppendTest {

    /** AuditLogRepository.CHAIN_LOCK */
    static final long CHAIN_LOCK = 0x41554449544c4f47L;

    @Inject
    AuditAppender appender;

    @Test
    void twoBatchesWaitingForTheChainLandOneAfterTheOther() throws Exception {
        List<NewEntry> first = batch("first", 30);
        List<NewEntry> second = batch("second", 30);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = AuditEvents.owner()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + CHAIN_LOCK + ")");
            CompletableFuture<AuditAppender.Appended> a = CompletableFuture.supplyAsync(() -> appender.append(first), threads);
            CompletableFuture<AuditAppender.Appended> b = CompletableFuture.supplyAsync(() -> appender.append(second), threads);

            // both writers are inside their transactions, blocked on the lock at the same time
            await().atMost(Duration.ofSeconds(30)).until(ConcurrentAppendTest::waitingForTheChain, n -> n >= 2);
            assertThat(a).isNotDone();
            assertThat(b).isNotDone();

            holder.createStatement().execute("SELECT pg_advisory_unlock(" + CHAIN_LOCK + ")");
            assertThat(a.get().appended()).isEqualTo(30);
            assertThat(b.get().appended()).isEqualTo(30);
        } finally {
            threads.shutdown();
        }

        List<Long> firstSeqs = seqs(first);
        List<Long> secondSeqs = seqs(second);
        assertContiguous(firstSeqs);
        assertContiguous(secondSeqs);
        assertThat(firstSeqs.get(0) > secondSeqs.get(29) || secondSeqs.get(0) > firstSeqs.get(29)).isTrue();
        given().auth().oauth2(Tokens.of("auditor-1", Roles.AUDITOR)).when().get("/api/audit/verification")
                .then().statusCode(200).body("status", equalTo("INTACT"));
    }

    private static List<NewEntry> batch(String name, int size) {
        List<NewEntry> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(new NewEntry(UUID.randomUUID(), "test.concurrent", "test", name, null, Instant.now(), null, null,
                    Jcs.canonicalize("{\"batch\":\"" + name + "\",\"i\":" + i + "}")));
        }
        return batch;
    }

    /** Backends waiting for the chain's advisory lock (pg_locks splits the bigint key into classid and objid). */
    private static int waitingForTheChain() throws SQLException {
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND NOT granted AND classid = " + (CHAIN_LOCK >>> 32) + " AND objid = " + (CHAIN_LOCK & 0xffffffffL))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Sequence numbers in the batch's order. */
    private static List<Long> seqs(List<NewEntry> batch) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = AuditEvents.owner();
                PreparedStatement query = c.prepareStatement("SELECT seq FROM audit_entry WHERE event_id = ?")) {
            for (NewEntry entry : batch) {
                query.setObject(1, entry.eventId());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    seqs.add(rs.getLong(1));
                }
            }
        }
        return seqs;
    }

    private static void assertContiguous(List<Long> seqs) {
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
        }
    }
}
