package io.downline.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Against the real PostgreSQL: one connection holds a row lock and sits idle in its transaction, another asks
 * for the same row in a background thread and waits; a third asks {@link LockWaits}.
 */
class LockWaitsTest {

    private static final PostgresTestResource POSTGRES = new PostgresTestResource();
    private static final String SCHEMA = "lock_waits_" + UUID.randomUUID().toString().replace("-", "");
    private static final String LOCK_ROW = "SELECT id FROM " + SCHEMA + ".item WHERE id = 1 FOR UPDATE";
    private static final String LOCKING_THE_ROW = "%FROM " + SCHEMA + ".item WHERE id = 1 FOR UPDATE%";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static Map<String, String> settings;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Connection holder;
    private Connection waiter;
    private Connection probe;

    @BeforeAll
    static void createTheRow() throws SQLException {
        settings = POSTGRES.start();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("CREATE TABLE " + SCHEMA + ".item (id int PRIMARY KEY)");
            statement.execute("INSERT INTO " + SCHEMA + ".item VALUES (1)");
        }
    }

    @AfterAll
    static void dropTheRow() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        POSTGRES.stop();
    }

    @BeforeEach
    void holdTheRow() throws SQLException {
        holder = connect();
        waiter = connect();
        probe = connect();
        holder.setAutoCommit(false);
        execute(holder, LOCK_ROW);
    }

    @AfterEach
    void release() throws SQLException {
        background.shutdownNow();
        for (Connection connection : new Connection[] { holder, waiter, probe }) {
            connection.close();
        }
    }

    @Test
    void countsASessionBlockedOnTheRowAndNotTheIdleOneHoldingIt() throws Exception {
        assertThat(LockWaits.count(probe, LOCKING_THE_ROW)).as("the holder ran the same statement, and is idle").isZero();

        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> execute(waiter, LOCK_ROW), background);
        await().atMost(TIMEOUT).until(() -> LockWaits.count(probe, LOCKING_THE_ROW) == 1);
        assertThat(LockWaits.count(probe)).isEqualTo(1);
        assertThat(LockWaits.count(dataSource(), LOCKING_THE_ROW)).isEqualTo(1);
        assertThat(LockWaits.count(probe, "%FROM " + SCHEMA + ".other%")).isZero();
        assertThat(blocked).isNotDone();

        holder.rollback();
        blocked.get();
        assertThat(LockWaits.count(probe, LOCKING_THE_ROW)).isZero();
    }

    @Test
    void terminatesTheBlockedSessionOnly() throws SQLException {
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> execute(waiter, LOCK_ROW), background);
        await().atMost(TIMEOUT).until(() -> LockWaits.count(probe, LOCKING_THE_ROW) == 1);

        assertThat(LockWaits.terminate(probe, LOCKING_THE_ROW)).isEqualTo(1);

        assertThat(blocked).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingRootCause().withMessageContaining("terminating connection due to administrator command");
        assertThat(LockWaits.count(probe, LOCKING_THE_ROW)).isZero();
        assertThat(holder.isValid(1)).as("the idle session holding the lock is left alone").isTrue();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.get("quarkus.datasource.jdbc.url"));
        dataSource.setUser(settings.get("quarkus.datasource.username"));
        dataSource.setPassword(settings.get("quarkus.datasource.password"));
        return dataSource;
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
