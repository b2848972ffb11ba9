package io.downline.payout;

import static io.downline.payout.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.downline.payout.World.Payable;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.LockWaits;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Collisions that must move money once. Each test holds a row lock from its own connection so that the
 * requests provably pile up behind it (pg_stat_activity shows them waiting on the lock, or the idempotency
 * gauge shows the repeats waiting), then releases it.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class PayoutRaceTest extends LedgerChecks {

    private static final int CALLERS = 100;

    @Inject
    MeterRegistry registry;

    @Test
    void ofOneHundredConcurrentRequestsForTheFullBalanceExactlyOneSucceeds() throws Exception {
        Payable m = World.payable("500.00");
        List<Response> responses = whileLocked("SELECT 1 FROM wallet WHERE member_id = ? FOR UPDATE", m.member().id(),
                () -> World.requestPayout(m, "500.00"), probe -> LockWaits.count(probe, "%FROM wallet%") >= 3);

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).extracting(Response::statusCode).isSubsetOf(201, 409, 422);
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE member_id = ?", m.member().id())).isEqualTo(1);
        assertThat(World.available(m.member().id())).isEqualByComparingTo("0.00");
        assertThat(World.balance(m.member().id(), "on_hold")).isEqualByComparingTo("500.00");
    }

    @Test
    void oneHundredConcurrentRepeatsOfOneIdempotencyKeyMakeOneRequestAndOneAnswer() throws Exception {
        Payable m = World.payable("500.00");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("amount", "120.00", "methodId", m.methodId().toString());
        List<Response> responses = whileLocked("SELECT 1 FROM wallet WHERE member_id = ? FOR UPDATE", m.member().id(),
                () -> as(m.member().token()).header("Idempotency-Key", key).body(body).post("/api/payouts"),
                probe -> LockWaits.count(probe, "%FROM wallet%") == 1 && waitingRepeats() >= 10);

        assertThat(responses).extracting(Response::statusCode).containsOnly(201);
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE member_id = ?", m.member().id())).isEqualTo(1);
        assertThat(World.balance(m.member().id(), "on_hold")).isEqualByComparingTo("120.00");
    }

    @Test
    void twoFinanceUsersApprovingTheSameRequestAtOnceMakeOneTransition() throws Exception {
        Payable m = World.payable("300.00");
        UUID id = UUID.fromString(World.requestPayout(m, "200.00").then().statusCode(201).extract().path("id"));
        List<Response> responses = new ArrayList<>();
        List<String> approvers = List.of(World.FINANCE_1, World.FINANCE_2);
        try (Connection held = connect(); Connection probe = connect()) {
            held.setAutoCommit(false);
            lock(held, "SELECT 1 FROM payout WHERE id = ? FOR UPDATE", id);
            List<CompletableFuture<Response>> calls = approvers.stream().map(token -> CompletableFuture
                    .supplyAsync(() -> as(token).post("/api/payouts/{id}/approve", id))).toList();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> LockWaits.count(probe, "%FROM payout%") == 2);
            assertThat(calls).noneMatch(CompletableFuture::isDone);
            held.rollback();
            calls.forEach(call -> responses.add(call.join()));
        }
        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(World.queryLong("SELECT count(*) FROM payout_approval WHERE payout_id = ?", id)).isEqualTo(1);
        assertThat(World.queryLong("SELECT count(*) FROM outbox_log WHERE type = 'payout.approved' AND aggregate_id = ?",
                id.toString())).isEqualTo(1);
        assertThat(World.queryLong("SELECT count(*) FROM payout WHERE id = ? AND status = 'APPROVED'", id)).isEqualTo(1);
    }

    /** Runs the calls from 100 threads while a row lock is held, and releases it once {@code overlapped} holds. */
    private List<Response> whileLocked(String lockSql, UUID row, Supplier<Response> call,
            Predicate<Connection> overlapped)
            throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try (Connection held = connect(); Connection probe = connect()) {
            held.setAutoCommit(false);
            lock(held, lockSql, row);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(CompletableFuture.supplyAsync(call, pool));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> overlapped.test(probe));
            held.rollback();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static void lock(Connection connection, String sql, UUID row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, row);
            statement.executeQuery().close();
        }
    }

    /** A connection outside the service's pool, to the service's database and schema. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        properties.setProperty("password", config.getValue("quarkus.datasource.password", String.class));
        properties.setProperty("currentSchema", "payout_service,public");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private double waitingRepeats() {
        return registry.get("downline.idempotency.waiting").gauge().value();
    }
}
