package io.downline.incentive.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Engine throughput (issue 11: at least 5,000 order events/s applied from the broker on 2 cores, with 10 active
 * programs) and the leaderboard's p99 (top 100 plus the caller's own position; at most 20 ms) while the engine
 * applies them, read by one client at a steady pace ({@code -Dbench.incentive.leaderboard-reads-per-second}, 20 by
 * default). Members, progress in all 10 programs and the leaderboard's buckets are generated with SQL.
 *
 * <p>{@code mvn -Pbench verify -pl incentive-service -am -Dtest=EngineThroughputBenchmark}; scale with
 * {@code -Dbench.incentive.members=1000000 -Dbench.incentive.events=30000}.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class EngineThroughputBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.incentive.members", 1_000_000);
    static final int EVENTS = Integer.getInteger("bench.incentive.events", 100_000);
    static final int WARM_UP_EVENTS = Integer.getInteger("bench.incentive.warm-up-events", 30_000);
    static final int PROGRAMS = 10;
    /** The service's default of downline.incentives.leaderboard.candidates: the floor the service would set. */
    static final int LISTED = 1_000;
    static final int LEADERBOARD_READS_PER_SECOND =
            Integer.getInteger("bench.incentive.leaderboard-reads-per-second", 20);
    /** Events at the end of a run whose arrival is awaited by key: enough to land on every partition of the topic. */
    static final int LAST_EVENTS = 32;
    static final double EVENTS_PER_SECOND = 5_000;
    static final double LEADERBOARD_P99_MS = 20;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void engineThroughputAndLeaderboardLatencyUnderLoad() throws Exception {
        long setupStart = System.nanoTime();
        List<UUID> programs = new ArrayList<>();
        for (int p = 0; p < PROGRAMS; p++) {
            programs.add(publishProgram("Bench sprint " + p + " " + UUID.randomUUID()));
        }
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        generate(programs, prefix);
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

        SplittableRandom random = new SplittableRandom(20_261_130L);
        List<UUID> sellers = sellers(prefix, random, 20_000);
        Instant completedAt = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);

        try (KafkaProducer<String, String> producer = producer()) {
            // The warm-up runs the engine and the leaderboard reader together, long enough for the JIT to compile
            // both paths; what the reader measured then is dropped.
            List<String> readers = readers(prefix, random, 50);
            Recorder leaderboard = new Recorder(60_000_000L, 3);
            Recorder everyRead = new Recorder(60_000_000L, 3);
            AtomicBoolean applying = new AtomicBoolean(true);
            AtomicLong leaderboardFailures = new AtomicLong();
            AtomicLong readsCountFrom = new AtomicLong(Long.MIN_VALUE);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            // A client that keeps its connection, as a member's browser (or a gateway) does; RestAssured opened a
            // new one per read.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String leaderboards = base + "api/incentives/programs/";
            Future<?> reads = reader.submit(() -> readLeaderboards(http, leaderboards, programs, readers, random.split(),
                    leaderboard, everyRead, readsCountFrom, applying, leaderboardFailures));
            long base = processed();
            awaitProcessed(base + WARM_UP_EVENTS, produce(producer, sellers, random, completedAt, WARM_UP_EVENTS));
            leaderboard.getIntervalHistogram();
            everyRead.getIntervalHistogram();
            leaderboardFailures.set(0);

            base = processed();
            long commitsBefore = commits();
            Map<String, long[]> writesBefore = tableWrites();
            long walBefore = walPosition();
            CpuUsage cpu = CpuUsage.start(dataSource);
            // While this JVM's producer writes the events into its broker as fast as it can (a shop's producers run
            // elsewhere), reads wait for a core behind both: a read counts if it was due after that burst.
            readsCountFrom.set(Long.MAX_VALUE);
            long start = System.nanoTime();
            List<UUID> last = produce(producer, sellers, random, completedAt, EVENTS);
            readsCountFrom.set(System.nanoTime());
            double producedSeconds = (System.nanoTime() - start) / 1e9;
            awaitProcessed(base + EVENTS, last);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> usage = cpu.stop();
            applying.set(false);
            reads.get();
            reader.shutdown();
            long commits = commits() - commitsBefore;
            long walBytes = walPosition() - walBefore;
            Map<String, Object> writes = writesPerEvent(writesBefore, tableWrites());

            Histogram latency = leaderboard.getIntervalHistogram();
            Histogram everyLatency = everyRead.getIntervalHistogram();
            double perSecond = EVENTS / seconds;
            BenchReport report = new BenchReport("incentive-engine-throughput");
            report.put("host", BenchFigures.host());
            report.put("load", loadAverage());
            Map<String, Object> setup = new LinkedHashMap<>();
            setup.put("members", MEMBERS);
            setup.put("programs", PROGRAMS + " published, each window open, tiers PV 500 / PV 1000 (ALL)");
            setup.put("progressRows", (long) MEMBERS * PROGRAMS);
            setup.put("generatedWithSqlSeconds", BenchFigures.round(setupSeconds, 1));
            setup.put("sellers", sellers.size() + " random members");
            setup.put("warmUpEvents", WARM_UP_EVENTS);
            report.put("setup", setup);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("events", EVENTS);
            result.put("progressRowsTouchedPerEvent", PROGRAMS);
            result.put("databaseCommitsPerEvent (whole database, leaderboard reads included)",
                    BenchFigures.round((double) commits / EVENTS, 3));
            result.put("walBytesPerEvent (whole cluster: other databases' writes included)",
                    BenchFigures.round((double) walBytes / EVENTS, 0));
            result.put("tableWritesPerEvent (this database's statistics)", writes);
            result.put("producedInSeconds", BenchFigures.round(producedSeconds, 2));
            result.put("appliedInSeconds", BenchFigures.round(seconds, 2));
            result.put("eventsPerSecond", BenchFigures.round(perSecond, 1));
            result.put("leaderboard (top 100 + own position, one client at " + LEADERBOARD_READS_PER_SECOND
                    + " reads/s, while applying; reads due after the producer's burst)",
                    BenchFigures.summary(latency));
            result.put("leaderboard, every read (those due during the producer's burst included)",
                    BenchFigures.summary(everyLatency));
            result.put("leaderboardFailures", leaderboardFailures.get());
            report.put("result", result);
            report.put("cpu", usage);
            new BenchFigures.Targets()
                    .atLeast("order events applied per second from the broker (10 programs)", perSecond,
                            EVENTS_PER_SECOND, "events/s", false)
                    .atMost("leaderboard p99 (top 100 + own position) while the engine applies events",
                            BenchFigures.p99ms(latency), LEADERBOARD_P99_MS, "ms", false)
                    .atLeast("leaderboard reads measured", latency.getTotalCount(), 100, "requests", true)
                    .atMost("failed leaderboard reads", leaderboardFailures.get(), 0, "requests", true)
                    .writeAndAssert(report);
        }
    }

    private static UUID publishProgram(String name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> bronze = Map.of("name", "Bronze", "criteria",
                List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "500")),
                "reward", Map.of("type", "CASH", "cash", "100.00"));
        Map<String, Object> silver = Map.of("name", "Silver", "criteria",
                List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "1000")),
                "reward", Map.of("type", "CASH", "cash", "300.00"));
        String admin = Tokens.admin("admin-bench");
        UUID id = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "startDate", today.minusDays(1).toString(),
                        "endDate", today.plusDays(1).toString(), "timeZone", "UTC", "combine", "ALL",
                        "tiers", List.of(bronze, silver)))
                .post("/api/incentives/programs").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).post("/api/incentives/programs/{id}/publish", id)
                .then().statusCode(200);
        return id;
    }

    /**
     * Starts from an empty engine (progress, buckets, qualifications and sales of earlier runs removed, their
     * members deleted from the projection, programs left published closed), then loads: the members in the
     * projection, and their progress in every program with a whole-number PV from 0 to 1,199 and the evaluation the
     * rules give it (below 500: PV / 5 %; 500 to 999: Bronze and PV / 10 %; from 1,000: Silver, 100 %, score 200),
     * exact at two decimals; then the leaderboard's buckets from those rows, each program's floor as the service
     * sets it (the highest score with 1,000 members at or above it) and the rows listed above it. A member's rows
     * are laid out together, member after member (the lateral join, which OFFSET 0 keeps the planner from flattening, makes the members the
     * outer loop), as the engine creates them: a member's first sale creates their row in every open program in one
     * statement. Bulk-loaded: one statement per table, with the progress table's indexes and constraints dropped during
     * the load and built again after it (the same definitions, read from the catalogue), all in one transaction; then
     * VACUUM ANALYZE, so that the measured phase neither sets hint bits nor runs on guessed statistics.
     */
    private void generate(List<UUID> programs, String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL maintenance_work_mem = '512MB'");
            statement.execute("TRUNCATE progress, leaderboard_bucket, leaderboard_top, qualification, sale");
            statement.execute("DELETE FROM member_projection WHERE oidc_subject LIKE 'bench-%'");
            try (PreparedStatement close = connection.prepareStatement("UPDATE program SET status = 'CLOSED',"
                    + " closed_at = now() WHERE status = 'PUBLISHED' AND NOT id = ANY (?)")) {
                close.setArray(1, connection.createArrayOf("uuid", programs.toArray()));
                close.executeUpdate();
            }
            List<String> rebuild = new ArrayList<>();
            for (String[] constraint : rows(statement, """
                    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = 'progress'::regclass AND contype IN ('p', 'f') ORDER BY contype DESC""")) {
                statement.execute("ALTER TABLE progress DROP CONSTRAINT " + constraint[0]);
                rebuild.add("ALTER TABLE progress ADD CONSTRAINT " + constraint[0] + " " + constraint[1]);
            }
            for (String[] index : rows(statement, """
                    SELECT indexname, indexdef FROM pg_indexes
                    WHERE schemaname = current_schema() AND tablename = 'progress'""")) {
                statement.execute("DROP INDEX " + index[0]);
                rebuild.add(index[1]);
            }
            statement.execute("""
                    CREATE TEMPORARY TABLE bench_member ON COMMIT DROP AS
                    SELECT gen_random_uuid() AS member_id, n FROM generate_series(1, %d) AS n""".formatted(MEMBERS));
            statement.execute("""
                    INSERT INTO member_projection (member_id, oidc_subject, sponsor_id, status, country, registered_at,
                        updated_at)
                    SELECT member_id, '%s' || n, NULL, 'ACTIVE', 'US', now() - interval '400 days', now()
                    FROM bench_member ORDER BY member_id""".formatted(prefix));
            try (PreparedStatement progress = connection.prepareStatement("""
                    INSERT INTO progress (program_id, member_id, personal_volume, eligible, tier_reached, criteria_met,
                        criteria_total, progress_percent, score, score_since, updated_at)
                    SELECT g.program_id, g.member_id, g.pv, true, g.tier, CASE WHEN g.tier = 2 THEN 1 ELSE 0 END, 1,
                        g.percent, g.tier * 100 + CASE WHEN g.tier = 2 THEN 0 ELSE g.percent END,
                        now() - make_interval(secs => g.pv), now()
                    FROM (SELECT v.program_id, v.member_id, v.pv,
                              CASE WHEN v.pv >= 1000 THEN 2 WHEN v.pv >= 500 THEN 1 ELSE 0 END AS tier,
                              CASE WHEN v.pv >= 1000 THEN 100 WHEN v.pv >= 500 THEN v.pv / 10 ELSE v.pv / 5 END
                                  AS percent
                          FROM (SELECT p.id AS program_id, m.member_id, floor(random() * 1200)::numeric AS pv
                                FROM bench_member m CROSS JOIN LATERAL (
                                    SELECT u.id FROM unnest(?::uuid[]) AS u (id) WHERE m.n > 0 OFFSET 0) AS p
                                ) AS v) AS g""")) {
                progress.setArray(1, connection.createArrayOf("uuid", programs.toArray()));
                progress.executeUpdate();
            }
            for (String definition : rebuild) {
                statement.execute(definition);
            }
            statement.execute("""
                    INSERT INTO leaderboard_bucket (program_id, score, members)
                    SELECT program_id, score, count(*) FROM progress WHERE eligible GROUP BY program_id, score""");
            try (PreparedStatement listed = connection.prepareStatement("""
                    UPDATE program p SET leaderboard_floor = coalesce((
                        SELECT score FROM (SELECT score, sum(members) OVER (ORDER BY score DESC) AS above
                                           FROM leaderboard_bucket WHERE program_id = p.id) AS b
                        WHERE above >= %d ORDER BY score DESC LIMIT 1), 0)
                    WHERE p.id = ANY (?)""".formatted(LISTED))) {
                listed.setArray(1, connection.createArrayOf("uuid", programs.toArray()));
                listed.executeUpdate();
            }
            statement.execute("""
                    INSERT INTO leaderboard_top (program_id, member_id, score, score_since, tier_reached,
                        progress_percent)
                    SELECT p.program_id, p.member_id, p.score, p.score_since, p.tier_reached, p.progress_percent
                    FROM progress p JOIN program g ON g.id = p.program_id
                    WHERE p.eligible AND p.score >= g.leaderboard_floor""");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("VACUUM ANALYZE progress");
            statement.execute("VACUUM ANALYZE leaderboard_bucket");
            statement.execute("VACUUM ANALYZE leaderboard_top");
            statement.execute("VACUUM ANALYZE member_projection");
            statement.execute("VACUUM ANALYZE sale");
        }
    }

    private static List<String[]> rows(Statement statement, String query) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(new String[] { result.getString(1), result.getString(2) });
            }
        }
        return rows;
    }

    private List<UUID> sellers(String prefix, SplittableRandom random, int count) throws SQLException {
        return memberIds("SELECT member_id::text FROM member_projection WHERE oidc_subject = ANY (?)", prefix, random,
                count).stream().map(UUID::fromString).toList();
    }

    private List<String> readers(String prefix, SplittableRandom random, int count) throws SQLException {
        return memberIds("SELECT oidc_subject FROM member_projection WHERE oidc_subject = ANY (?)", prefix, random,
                count).stream().map(Tokens::member).toList();
    }

    private List<String> memberIds(String query, String prefix, SplittableRandom random, int count)
            throws SQLException {
        String[] subjects = new String[count];
        for (int i = 0; i < count; i++) {
            subjects[i] = prefix + (1 + random.nextInt(MEMBERS));
        }
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("text", subjects));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /** Sends {@code count} order events; returns the ids of the last {@link #LAST_EVENTS} of them. */
    private static List<UUID> produce(KafkaProducer<String, String> producer, List<UUID> sellers,
            SplittableRandom random, Instant completedAt, int count) {
        List<UUID> last = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID order = UUID.randomUUID();
            UUID seller = sellers.get(random.nextInt(sellers.size()));
            String volume = (1 + random.nextInt(200)) + ".00";
            EventEnvelope event = EventEnvelope.of(EventType.ORDER_COMPLETED, "bench", order.toString(),
                    new OrderCompleted(order, seller, Money.of(volume, "USD"), new BigDecimal(volume), completedAt,
                            completedAt), null);
            producer.send(CloudEventCodec.toRecord(Topics.ORDERS, event));
            if (i >= count - LAST_EVENTS) {
                last.add(event.id());
            }
        }
        producer.flush();
        return last;
    }

    /** Commits in this database so far (PostgreSQL's statistics, flushed at least every second). */
    private long commits() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Rows inserted, updated (of which HOT) and deleted so far, per table of the service's schema. */
    private Map<String, long[]> tableWrites() throws SQLException {
        Map<String, long[]> writes = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables
                        WHERE schemaname = current_schema() ORDER BY relname""")) {
            while (rows.next()) {
                writes.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4),
                    rows.getLong(5) });
            }
        }
        return writes;
    }

    private static Map<String, Object> writesPerEvent(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, Object> perEvent = new LinkedHashMap<>();
        String[] names = { "inserted", "updated", "hotUpdated", "deleted" };
        after.forEach((table, counts) -> {
            long[] start = before.getOrDefault(table, new long[counts.length]);
            Map<String, Object> figures = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > start[i]) {
                    figures.put(names[i], BenchFigures.round((double) (counts[i] - start[i]) / EVENTS, 3));
                }
            }
            if (!figures.isEmpty()) {
                perEvent.put(table, figures);
            }
        });
        return perEvent;
    }

    /** The cluster's WAL insert position, in bytes. */
    private long walPosition() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long processed() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'incentive-service:orders'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Waits until the last events sent are applied (looked up by key every 100 ms: they land on every partition, and
     * each partition is applied in order), then until the count is complete. Counting every 100 ms instead took
     * about a fifth of a core of PostgreSQL from the engine once the table held a few hundred thousand rows.
     */
    private void awaitProcessed(long count, List<UUID> lastSent) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> applied(lastSent));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> processed() >= count);
    }

    /**
     * Whether every one of the events is applied, each looked up by the whole key (one row at most: one probe of the
     * key's index). Looked up all at once, by {@code event_id = ANY (?)}, the statement took 22 ms a call in
     * PostgreSQL ({@code pg_stat_statements}, 2026-12-02), a quarter of a core taken from the engine it measures.
     */
    private boolean applied(List<UUID> eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM processed_event WHERE consumer = 'incentive-service:orders' AND event_id = ?")) {
            for (UUID eventId : eventIds) {
                statement.setObject(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * Reads leaderboards at a steady pace, as members refreshing their page do: a reader in a loop without pause
     * would measure its own queue for a core (and take a third of the machine from the engine), not a read's
     * latency. Each read is timed from when it was due, so a read held up behind a slow one counts its wait. Every
     * read goes into {@code everyRead}; into {@code latency} only those due from {@code countFrom} on.
     */
    private static void readLeaderboards(HttpClient http, String leaderboards, List<UUID> programs, List<String> readers,
            SplittableRandom random, Recorder latency, Recorder everyRead, AtomicLong countFrom, AtomicBoolean applying,
            AtomicLong failures) {
        long interval = 1_000_000_000L / LEADERBOARD_READS_PER_SECOND;
        long due = System.nanoTime();
        while (applying.get()) {
            due += interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            UUID program = programs.get(random.nextInt(programs.size()));
            String token = readers.get(random.nextInt(readers.size()));
            int status = read(http, HttpRequest.newBuilder(URI.create(leaderboards + program + "/leaderboard?size=100"))
                    .header("Authorization", "Bearer " + token).GET().build());
            long micros = Math.max(1, Math.min(60_000_000L, (System.nanoTime() - due) / 1_000));
            everyRead.recordValue(micros);
            if (due >= countFrom.get()) {
                latency.recordValue(micros);
            }
            if (status != 200) {
                failures.incrementAndGet();
            }
        }
    }

    /** The response's status, its body read as a client would; -1 when the call failed. */
    private static int read(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
