package io.downline.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;


import io.micrometer.core.instrument.MeterRegistry;

import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.websocket.Rooms;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Fan-out under load (issue 12: 10,000 sockets on one instance, 5,000 deliveries/s, the event's commit in the
 * producer's outbox → client p99 ≤ 100 ms, nothing lost). N members hold one socket each, opened by a client
 * process of its own ({@link FanoutClients}: each end of a socket is a descriptor, and a process may hold 20,000
 * here) with bounded parallelism. commission.earned events for random members are committed to an outbox at a
 * steady rate, a transaction every tick (as a producing service's transactions would); the platform's outbox
 * relay publishes them; the service stores each as a numbered notification and pushes it. Every client checks
 * its stream's sequence (no gap, no duplicate). Hops per event: commit → relayed (the outbox row's
 * {@code outbox_sent.sent_at}, after the broker's ack), relayed → stored (the broker, the consumer, the store transaction up
 * to the notification's {@code createdAt}), stored → client (commit; then the storing replica's own push after
 * commit or, whichever comes first, NOTIFY and listener; socket write, client).
 * Memory per connection: this JVM's used heap after GC before and after the sockets opened (the service's side
 * only: the clients live in the other process), and CPU per upgrade (token check, member lookup, hello).
 *
 * <p>{@code ./mvnw -B -Pbench verify -pl notification-service -am -Dtest=NotificationFanoutBenchmark
 * -Dbench.connections=10000 -Dbench.rate=5000 -Dbench.seconds=30 -Dbench.warmup-seconds=120}: after 60 s of warm-up
 * the JIT still took a quarter of a core in the measured phase, after 120 s less than a tenth.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class NotificationFanoutBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 2000);
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 5);
    private static final int PARALLELISM = Integer.getInteger("bench.open-parallelism", 64);
    private static final int TICK_MS = Integer.getInteger("bench.tick-ms", 10);
    private static final String CLIENT_HEAP = System.getProperty("bench.client-heap", "1g");

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    DataSource dataSource;

    @Inject
    Rooms rooms;

    @Inject
    MeterRegistry registry;

    private final Recorder total = new Recorder(60_000_000L, 3);
    private final Recorder stored = new Recorder(60_000_000L, 3);
    private final Recorder pushed = new Recorder(60_000_000L, 3);
    private final Map<String, Long> committedAtMicros = new ConcurrentHashMap<>();
    private final Map<String, UUID> eventOfOrder = new ConcurrentHashMap<>();
    private final Set<String> measured = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final CompletableFuture<String> opened = new CompletableFuture<>();
    private final CompletableFuture<String> done = new CompletableFuture<>();

    @Test
    void fanOut() throws Exception {
        Db db = new Db(dataSource);
        String load = uptime();
        List<String[]> members = bulkMembers(db, CONNECTIONS);
        long signStart = System.nanoTime();
        Path tokens = Files.createTempFile("fanout-tokens", ".txt");
        Files.write(tokens, members.parallelStream().map(m -> "member:" + m[0] + " " + Tokens.member(m[1])).toList());
        double signMsPerSocket = (System.nanoTime() - signStart) / 1e6 / CONNECTIONS;

        long heapBefore = usedHeapAfterGc();
        CpuUsage openCpu = CpuUsage.start(dataSource);
        Process clients = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + CLIENT_HEAP, "-cp", System.getProperty("java.class.path"), FanoutClients.class.getName(),
                "ws://127.0.0.1:" + base.getPort() + "/ws/notifications", tokens.toString(), String.valueOf(PARALLELISM))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread reader = new Thread(() -> read(clients), "bench-clients-reader");
        reader.setDaemon(true);
        reader.start();
        String[] open = opened.get(10, TimeUnit.MINUTES).split(" ");
        await().atMost(Duration.ofMinutes(1)).until(() -> rooms.size() >= CONNECTIONS);
        Map<String, Object> openCpuUsage = openCpu.stop();
        long heapAfter = usedHeapAfterGc();

        publish(dataSource, members, WARMUP_SECONDS, false);
        await().atMost(Duration.ofMinutes(2)).until(() -> received.get() >= committedAtMicros.size());
        // CPU of the measured phase only: the warm-up's (the JIT compiling the paths) is not what a delivery costs.
        CpuUsage cpu = CpuUsage.start(dataSource);
        total.reset();
        stored.reset();
        pushed.reset();
        long receivedBefore = received.get();
        double ownBefore = pushes("own");
        double listenerBefore = pushes("listener");
        long sent = publish(dataSource, members, SECONDS, true);
        await().atMost(Duration.ofMinutes(3)).until(() -> received.get() - receivedBefore >= sent);
        Map<String, Object> cpuUsage = cpu.stop();
        long pushedOwn = Math.round(pushes("own") - ownBefore);
        long pushedByListener = Math.round(pushes("listener") - listenerBefore);
        clients.getOutputStream().write("STOP\n".getBytes(StandardCharsets.UTF_8));
        clients.getOutputStream().flush();
        String[] end = done.get(1, TimeUnit.MINUTES).split(" ");
        Duration clientCpu = clients.info().totalCpuDuration().orElse(Duration.ZERO);
        clients.waitFor(1, TimeUnit.MINUTES);
        Histogram totalMs = total.getIntervalHistogram();
        Histogram storedMs = stored.getIntervalHistogram();
        Histogram pushedMs = pushed.getIntervalHistogram();
        Histogram[] relay = relayHops(db);
        long stillOpen = Long.parseLong(end[1]);
        long gaps = Long.parseLong(end[3]);
        long duplicates = Long.parseLong(end[4]);
        double openSeconds = Long.parseLong(open[3]) / 1000.0;

        BenchReport report = new BenchReport("notification-fanout");
        report.put("host", BenchFigures.host());
        report.put("load_before", load);
        report.put("load_after", uptime());
        report.put("connections", CONNECTIONS);
        report.put("connections_failed_to_open", Long.parseLong(open[2]));
        report.put("connections_open_at_end", stillOpen);
        report.put("open_parallelism", PARALLELISM);
        report.put("connect_seconds", BenchFigures.round(openSeconds, 1));
        report.put("token_signing_ms_per_socket_client_side", BenchFigures.round(signMsPerSocket, 3));
        report.put("service_jvm_cpu_ms_per_upgrade", BenchFigures.round(
                ((Number) openCpuUsage.get("thisTestJvmCores")).doubleValue()
                        * ((Number) openCpuUsage.get("wallSeconds")).doubleValue() * 1000 / CONNECTIONS, 3));
        report.put("postgres_cpu_ms_per_upgrade", BenchFigures.round(
                ((Number) openCpuUsage.get("postgresBackendsOfThisDatabaseCores")).doubleValue()
                        * ((Number) openCpuUsage.get("wallSeconds")).doubleValue() * 1000 / CONNECTIONS, 3));
        report.put("cpu_while_opening", openCpuUsage);
        report.put("client_process_cpu_seconds", BenchFigures.round(clientCpu.toMillis() / 1000.0, 1));
        report.put("rate_per_second_asked", RATE);
        report.put("outbox_commits_per_second", 1000 / TICK_MS);
        report.put("seconds", SECONDS);
        report.put("deliveries", sent);
        report.put("deliveries_per_second", BenchFigures.round(sent / (double) SECONDS, 1));
        report.put("store_transactions_per_delivery", BenchFigures.round(storeTransactions(db) / (double) sent, 4));
        report.put("heap_per_connection_bytes_service_side", (heapAfter - heapBefore) / CONNECTIONS);
        report.put("outbox_commit_to_client", BenchFigures.summary(totalMs));
        report.put("hop_commit_to_relayed", BenchFigures.summary(relay[0]));
        report.put("hop_relayed_to_stored", BenchFigures.summary(relay[1]));
        report.put("hop_commit_to_stored", BenchFigures.summary(storedMs));
        report.put("hop_stored_to_client", BenchFigures.summary(pushedMs));
        report.put("pushes_written_first_by_own_replica", pushedOwn);
        report.put("pushes_written_first_by_listener", pushedByListener);
        report.put("sequence_gaps", gaps);
        report.put("sequence_duplicates", duplicates);
        report.put("cpu", cpuUsage);
        double measuredSeconds = ((Number) cpuUsage.get("wallSeconds")).doubleValue();
        report.put("test_jvm_cpu_us_per_delivery", BenchFigures.round(
                ((Number) cpuUsage.get("thisTestJvmCores")).doubleValue() * measuredSeconds * 1e6 / sent, 1));
        report.put("postgres_cpu_us_per_delivery", BenchFigures.round(
                ((Number) cpuUsage.get("postgresBackendsOfThisDatabaseCores")).doubleValue() * measuredSeconds * 1e6
                        / sent, 1));
        new BenchFigures.Targets()
                .atMost("outbox commit -> client p99", BenchFigures.p99ms(totalMs), 100, "ms", false)
                .atLeast("deliveries per second", sent / (double) SECONDS, 5000, "1/s", false)
                .atLeast("connections", CONNECTIONS, 10_000, "sockets", false)
                .atMost("sequence gaps and duplicates", gaps + duplicates, 0, "messages", true)
                .writeAndAssert(report);
        assertThat(stillOpen).isEqualTo(CONNECTIONS);
        Files.delete(tokens);
    }

    /** Live frames written to sockets by one path (own: after the storing commit; listener: NOTIFY). */
    private double pushes(String path) {
        return registry.get("downline_notification_pushes_total").tag("path", path).counter().count();
    }

    /** The consumer transactions that stored the measured events' notifications (their rows' distinct xmin). */
    private long storeTransactions(Db db) {
        return Long.parseLong(db.strings("SELECT count(DISTINCT n.xmin::text)::text FROM unnest(?::uuid[]) AS m (id)"
                + " JOIN notification n ON n.event_id = m.id", "{" + measured.stream().map(o -> eventOfOrder.get(o).toString())
                        .collect(Collectors.joining(",")) + "}").get(0));
    }

    /** The clients' lines: OPEN once, a line per notification, DONE at the end. */
    private void read(Process clients) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("N ")) {
                    received(line.split(" "));
                } else if (line.startsWith("OPEN ")) {
                    opened.complete(line);
                } else if (line.startsWith("DONE ")) {
                    done.complete(line);
                }
            }
        } catch (java.io.IOException e) {
            opened.completeExceptionally(e);
            done.completeExceptionally(e);
        }
    }

    private void received(String[] line) {
        Long committedAt = committedAtMicros.get(line[1]);
        if (committedAt != null && measured.contains(line[1])) {
            long receivedAt = Long.parseLong(line[2]);
            long storedAt = Long.parseLong(line[3]);
            total.recordValue(clamp(receivedAt - committedAt));
            stored.recordValue(clamp(storedAt - committedAt));
            pushed.recordValue(clamp(receivedAt - storedAt));
        }
        received.incrementAndGet();
    }

    /**
     * Commits commission.earned events for random members to the outbox at the rate, for the seconds: every tick,
     * the events due in one transaction. Returns how many.
     */
    private long publish(DataSource dataSource, List<String[]> members, int seconds, boolean measure)
            throws SQLException {
        long count = (long) RATE * seconds;
        long start = System.nanoTime();
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (written < count) {
                long due = Math.min(count, (System.nanoTime() - start) * RATE / 1_000_000_000L + 1);
                if (due > written) {
                    List<String> orders = writeOutbox(connection, members, (int) (due - written));
                    connection.commit();
                    long committedAt = micros(Instant.now());
                    for (String order : orders) {
                        committedAtMicros.put(order, committedAt);
                        if (measure) {
                            measured.add(order);
                        }
                    }
                    written = due;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS));
            }
        }
        return count;
    }

    private List<String> writeOutbox(Connection connection, List<String[]> members, int n) throws SQLException {
        Object[] ids = new Object[n];
        Object[] aggregates = new Object[n];
        Object[] payloads = new Object[n];
        List<String> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID beneficiary = UUID.fromString(members.get(ThreadLocalRandom.current().nextInt(members.size()))[0]);
            UUID order = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            ids[i] = event;
            aggregates[i] = beneficiary.toString();
            payloads[i] = EventJson.write(new CommissionEarned(UUID.randomUUID(), order, beneficiary, beneficiary, 1,
                    new BigDecimal("0.10"), new BigDecimal("100.00"), Money.of("10.00", "USD"), "MEMBER", "2026-11",
                    1, Instant.now().plusSeconds(1_209_600), Instant.now()));
            orders.add(order.toString());
            eventOfOrder.put(order.toString(), event);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (event_id, topic, aggregate_id,"
                + " type, payload) SELECT id, ?, aggregate, ?, payload FROM unnest(?::uuid[], ?::text[], ?::text[])"
                + " AS e (id, aggregate, payload)")) {
            insert.setString(1, Topics.COMMISSIONS);
            insert.setString(2, EventType.COMMISSION_EARNED.type());
            insert.setArray(3, connection.createArrayOf("uuid", ids));
            insert.setArray(4, connection.createArrayOf("text", aggregates));
            insert.setArray(5, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        }
        return orders;
    }

    /** Commit → relayed (the row's sent_at in outbox_sent) and relayed → stored, from the rows of the measured events. */
    private Histogram[] relayHops(Db db) {
        Histogram relayed = new Histogram(60_000_000L, 3);
        Histogram storedAfter = new Histogram(60_000_000L, 3);
        Map<String, String> orderOfEvent = new HashMap<>();
        measured.forEach(order -> orderOfEvent.put(eventOfOrder.get(order).toString(), order));
        for (String row : db.strings("SELECT o.event_id || ' ' || (extract(epoch FROM o.sent_at) * 1000000)::bigint"
                + " || ' ' || (extract(epoch FROM n.created_at) * 1000000)::bigint FROM unnest(?::uuid[]) AS m (id)"
                + " JOIN outbox_sent o ON o.event_id = m.id JOIN notification n ON n.event_id = m.id", "{" + String.join(",", orderOfEvent.keySet()) + "}")) {
            String[] values = row.split(" ");
            long committedAt = committedAtMicros.get(orderOfEvent.get(values[0]));
            relayed.recordValue(clamp(Long.parseLong(values[1]) - committedAt));
            storedAfter.recordValue(clamp(Long.parseLong(values[2]) - Long.parseLong(values[1])));
        }
        return new Histogram[] { relayed, storedAfter };
    }

    private static long clamp(long micros) {
        return Math.max(1, Math.min(59_000_000L, micros));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** N members the service knows (projection and contact rows), in bulk: [memberId, subject]. */
    private static List<String[]> bulkMembers(Db db, int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        db.update("INSERT INTO member_projection (member_id, oidc_subject, status, country, registered_at, updated_at)"
                + " SELECT gen_random_uuid(), 'bench-' || ? || '-' || g, 'ACTIVE', 'US', now(), now()"
                + " FROM generate_series(1, ?) g", run, count);
        db.update("INSERT INTO member_contact (member_id, email, name, updated_at) SELECT member_id,"
                + " oidc_subject || '@example.com', 'Bench member', now() FROM member_projection"
                + " WHERE oidc_subject LIKE ?", "bench-" + run + "-%");
        List<String[]> members = new ArrayList<>();
        for (String row : db.strings("SELECT member_id || ' ' || oidc_subject FROM member_projection"
                + " WHERE oidc_subject LIKE ?", "bench-" + run + "-%")) {
            members.add(row.split(" "));
        }
        return members;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String uptime() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
