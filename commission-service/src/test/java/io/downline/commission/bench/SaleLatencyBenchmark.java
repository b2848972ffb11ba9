package io.downline.commission.bench;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Per-sale commission (issue 9): {@code order.completed} records sent at a steady pace to the broker, each for a
 * seller at the bottom of a 20-deep upline of GOLD members who are all qualified (so every sale pays all five
 * levels and walks the whole upline); the latency of a sale is from its send to the arrival of the fifth
 * {@code commission.earned} on {@code commissions.events.v1} (lines committed, relayed, acknowledged, read).
 * {@code bench.rate} sales/s (default 1000) for {@code bench.seconds} (default 30) after a 10 s warm-up.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SaleLatencyBenchmark {

    private static final Logger LOG = Logger.getLogger(SaleLatencyBenchmark.class);
    private static final int CHAINS = Integer.getInteger("bench.chains", 500);
    private static final int DEPTH = 20;
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP_SECONDS = 10;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @AfterEach
    void cleanUp() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE close_member, period_close, member_volume, line_reversal, refund, commission_line,"
                    + " sale, outbox, member_projection");
        }
    }

    @Test
    void salesThroughTheBrokerToCommissionEvents() throws Exception {
        UUID[] sellers = chains();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            // The commissions topic as production declares it (6 partitions), before anybody writes to it.
            admin.createTopics(List.of(new NewTopic(Topics.COMMISSIONS, 6, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        BenchReport report = new BenchReport("sale-latency");
        report.put("host", BenchFigures.host());
        report.put("dataset", Map.of("chains", CHAINS, "uplineDepth", DEPTH, "linesPerSale", 5));
        report.put("loadAverageBefore", loadAverage());

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        Histogram measured = BenchFigures.micros();
        AtomicLong completed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = EventLog.consumerAtEnd(Topics.COMMISSIONS,
                    Map.of("fetch.max.wait.ms", 5, "max.poll.records", 5000))) {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        String order = orderId(record.value());
                        if (order != null && seen.merge(order, 1, Integer::sum) == 5) {
                            Long start = sentAt.remove(order);
                            seen.remove(order);
                            if (start != null && start > 0) {
                                if (measuring.get()) {
                                    synchronized (measured) {
                                        BenchFigures.record(measured, start);
                                    }
                                }
                                completed.incrementAndGet();
                            }
                        }
                    }
                }
            }
        }, "bench-reader");
        reader.start();

        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        CpuUsage cpu = null;
        long measuredStart = 0;
        long measuredCompletedBefore = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            long interval = 1_000_000_000L / RATE;
            long total = (long) RATE * (WARMUP_SECONDS + SECONDS);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (i == (long) RATE * WARMUP_SECONDS) {
                    measuring.set(true);
                    cpu = CpuUsage.start(dataSource);
                    measuredStart = System.nanoTime();
                    measuredCompletedBefore = completed.get();
                }
                UUID order = UUID.randomUUID();
                Instant now = clock.instant();
                EventEnvelope envelope = EventEnvelope.of(EventType.ORDER_COMPLETED, "shop", order.toString(),
                        new OrderCompleted(order, sellers[(int) (i % sellers.length)], Money.of("120.00", "USD"),
                                new BigDecimal("100.00"), now, now), null);
                sentAt.put(order.toString(), measuring.get() ? due : 0L);
                producer.send(CloudEventCodec.toRecord(Topics.ORDERS, envelope));
            }
        }
        long sent = (long) RATE * SECONDS;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> measured.getTotalCount() >= sent);
        double elapsed = (System.nanoTime() - measuredStart) / 1e9;
        reading.set(false);
        reader.join();
        Map<String, Object> cpuFigures = cpu.stop();
        double throughput = (completed.get() - measuredCompletedBefore) / elapsed;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("offeredRatePerSecond", RATE);
        figures.put("measuredSeconds", SECONDS);
        figures.put("latency", BenchFigures.summary(measured));
        figures.put("sustainedSalesPerSecond", BenchFigures.round(throughput, 1));
        figures.put("cpu", cpuFigures);
        figures.put("loadAverageAfter", loadAverage());
        report.put("run", figures);
        LOG.infof("Sale latency: %s", figures);
        new BenchFigures.Targets()
                .atMost("order.completed to the fifth commission.earned, p99", BenchFigures.p99ms(measured), 50, "ms", false)
                .atLeast("sustained sales", throughput, 1000, "sales/s", false)
                .writeAndAssert(report);
    }

    /** CHAINS chains of DEPTH GOLD members under one root, all qualified, and a seller at each bottom. */
    private UUID[] chains() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            UUID root = UUID.randomUUID();
            statement.execute("INSERT INTO member_projection (member_id, sponsor_id, status, country, registered_at, updated_at)"
                    + " VALUES ('" + root + "', NULL, 'ACTIVE', 'US', now(), now())");
            // member (c, d): chain c, depth d (1 = under the root; DEPTH + 1 = the seller).
            statement.execute("CREATE TEMP TABLE bench_chain AS SELECT c, d, gen_random_uuid() AS id"
                    + " FROM generate_series(1, " + CHAINS + ") c, generate_series(1, " + (DEPTH + 1) + ") d");
            statement.execute("INSERT INTO member_projection (member_id, sponsor_id, status, country, registered_at, updated_at)"
                    + " SELECT m.id, coalesce(p.id, '" + root + "'), 'ACTIVE', 'US', now(), now() FROM bench_chain m"
                    + " LEFT JOIN bench_chain p ON p.c = m.c AND p.d = m.d - 1");
            String period = io.downline.commission.domain.Periods.format(io.downline.commission.domain.Periods.of(clock.instant()));
            statement.execute("INSERT INTO member_volume (member_id, period, pv) SELECT id, '" + period + "', 100.00"
                    + " FROM bench_chain WHERE d <= " + DEPTH);
            statement.execute("INSERT INTO period_close (period, status, plan_version, result_hash, member_count, total_volume,"
                    + " sales_volume, commissions, breakage, payout_ratio, rank_counts, closes, closed_at, closed_by)"
                    + " VALUES ('2000-01', 'CLOSED', 1, repeat('0', 64), 0, 0, 0, 0, 0, 0, '{}', 1, now(), 'bench')");
            statement.execute("INSERT INTO close_member (period, member_id, active, pv, previous_pv, gv, qualified_sponsored,"
                    + " rank, previous_rank) SELECT '2000-01', id, true, 0, 0, 0, 0, 'GOLD', 'MEMBER' FROM bench_chain"
                    + " WHERE d <= " + DEPTH);
            statement.execute("ANALYZE");
            List<UUID> sellers = new ArrayList<>();
            try (var rows = statement.executeQuery("SELECT id FROM bench_chain WHERE d = " + (DEPTH + 1) + " ORDER BY c")) {
                while (rows.next()) {
                    sellers.add(rows.getObject(1, UUID.class));
                }
            }
            return sellers.toArray(UUID[]::new);
        }
    }

    private static String orderId(String json) {
        int at = json.indexOf("\"orderId\":\"");
        return at < 0 || !json.contains("\"beneficiaryId\"") || !json.contains("\"releaseAt\"") ? null
                : json.substring(at + 11, at + 47);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
