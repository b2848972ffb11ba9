package io.downline.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.websocket.Rooms;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Fan-out under load (issue 12: 10,000 sockets on one instance, 5,000 deliveries/s, event → client p99 ≤ 100 ms,
 * nothing lost). N members hold one socket each; commission.earned events for random members are published at a
 * steady rate; each client checks its stream's sequence (no gap, no duplicate) and times every notification:
 * publish → stored (broker, consume, store; the notification's createdAt) and stored → received (commit, NOTIFY,
 * listener, socket write, client). Memory per connection from the heap before and after the sockets opened.
 *
 * <p>{@code ./mvnw -B -Pbench verify -pl notification-service -am -Dtest=NotificationFanoutBenchmark
 * -Dbench.connections=10000 -Dbench.rate=5000 -Dbench.seconds=30}. Clients, broker and service share one JVM and
 * the machine's two cores, so the figures are an upper bound for the service alone.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class NotificationFanoutBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 2000);
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 5);

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    DataSource dataSource;

    @Inject
    Rooms rooms;

    private final Recorder total = new Recorder(60_000_000L, 3);
    private final Recorder stored = new Recorder(60_000_000L, 3);
    private final Recorder pushed = new Recorder(60_000_000L, 3);
    private final Map<String, Long> sentAtMicros = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean measuring;

    @Test
    void fanOut() throws Exception {
        Db db = new Db(dataSource);
        String load = uptime();
        List<String[]> members = bulkMembers(db, CONNECTIONS);

        long heapBefore = usedHeapAfterGc();
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        Map<String, AtomicLong> lastSequence = new ConcurrentHashMap<>();
        long openStart = System.nanoTime();
        for (String[] member : members) {
            String room = "member:" + member[0];
            lastSequence.put(room, new AtomicLong());
            sockets.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + Tokens.member(member[1]))
                    .buildAsync(URI.create("ws://127.0.0.1:" + base.getPort() + "/ws/notifications"),
                            new Client(lastSequence.get(room)))
                    .join());
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> rooms.size() >= CONNECTIONS);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        long heapAfter = usedHeapAfterGc();

        CpuUsage cpu = CpuUsage.start(dataSource);
        long sent;
        try (KafkaProducer<String, String> producer = producer()) {
            publish(producer, members, WARMUP_SECONDS);
            await().atMost(Duration.ofMinutes(2)).until(() -> received.get() >= sentAtMicros.size());
            total.reset();
            stored.reset();
            pushed.reset();
            measuring = true;
            long receivedBefore = received.get();
            sent = publish(producer, members, SECONDS);
            await().atMost(Duration.ofMinutes(3)).until(() -> received.get() - receivedBefore >= sent);
        }
        Map<String, Object> cpuUsage = cpu.stop();
        Histogram totalMs = total.getIntervalHistogram();
        Histogram storedMs = stored.getIntervalHistogram();
        Histogram pushedMs = pushed.getIntervalHistogram();
        long stillOpen = sockets.stream().filter(s -> !s.isInputClosed()).count();
        sockets.forEach(WebSocket::abort);

        BenchReport report = new BenchReport("notification-fanout");
        report.put("host", BenchFigures.host());
        report.put("load_before", load);
        report.put("load_after", uptime());
        report.put("connections", CONNECTIONS);
        report.put("connections_open_at_end", stillOpen);
        report.put("connect_seconds", BenchFigures.round(openSeconds, 1));
        report.put("rate_per_second_asked", RATE);
        report.put("seconds", SECONDS);
        report.put("deliveries", sent);
        report.put("deliveries_per_second", BenchFigures.round(sent / (double) SECONDS, 1));
        report.put("heap_per_connection_bytes", (heapAfter - heapBefore) / CONNECTIONS);
        report.put("publish_to_client", BenchFigures.summary(totalMs));
        report.put("hop_publish_to_stored", BenchFigures.summary(storedMs));
        report.put("hop_stored_to_client", BenchFigures.summary(pushedMs));
        report.put("sequence_gaps", gaps.get());
        report.put("sequence_duplicates", duplicates.get());
        report.put("cpu", cpuUsage);
        new BenchFigures.Targets()
                .atMost("publish -> client p99", BenchFigures.p99ms(totalMs), 100, "ms", false)
                .atLeast("deliveries per second", sent / (double) SECONDS, 5000, "1/s", false)
                .atLeast("connections", CONNECTIONS, 10_000, "sockets", false)
                .atMost("sequence gaps and duplicates", gaps.get() + duplicates.get(), 0, "messages", true)
                .writeAndAssert(report);
        assertThat(stillOpen).isEqualTo(CONNECTIONS);
    }

    /** Publishes commission.earned events for random members at the rate, for the seconds; returns how many. */
    private long publish(KafkaProducer<String, String> producer, List<String[]> members, int seconds) {
        long count = (long) RATE * seconds;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / RATE;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String[] member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
            UUID beneficiary = UUID.fromString(member[0]);
            UUID order = UUID.randomUUID();
            EventEnvelope event = EventEnvelope.of(EventType.COMMISSION_EARNED, "commission-service",
                    beneficiary.toString(), new CommissionEarned(UUID.randomUUID(), order, beneficiary, beneficiary, 1,
                            new BigDecimal("0.10"), new BigDecimal("100.00"), Money.of("10.00", "USD"), "MEMBER",
                            "2026-11", 1, Instant.now().plusSeconds(1_209_600), Instant.now()), null);
            sentAtMicros.put(order.toString(), micros(Instant.now()));
            producer.send(CloudEventCodec.toRecord(Topics.COMMISSIONS, event));
        }
        producer.flush();
        return count;
    }

    private final class Client implements WebSocket.Listener {

        private final AtomicLong last;
        private final StringBuilder text = new StringBuilder();

        Client(AtomicLong last) {
            this.last = last;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean complete) {
            text.append(data);
            if (complete) {
                frame(text.toString());
                text.setLength(0);
            }
            return null;
        }

        private void frame(String raw) {
            long now = micros(Instant.now());
            JsonNode frame;
            try {
                frame = JSON.readTree(raw);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (!"notification".equals(frame.path("type").asText())) {
                return;
            }
            long sequence = frame.path("sequence").asLong();
            long previous = last.getAndSet(Math.max(last.get(), sequence));
            if (sequence <= previous) {
                duplicates.incrementAndGet();
            } else if (sequence != previous + 1) {
                gaps.incrementAndGet();
            }
            Long sentAt = sentAtMicros.get(frame.path("data").path("orderId").asText());
            if (sentAt != null && measuring) {
                long storedAt = micros(Instant.parse(frame.path("createdAt").asText()));
                total.recordValue(clamp(now - sentAt));
                stored.recordValue(clamp(storedAt - sentAt));
                pushed.recordValue(clamp(now - storedAt));
            }
            received.incrementAndGet();
        }
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

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
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
