package io.downline.audit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.downline.audit.AuditEvents;
import io.downline.audit.AuditTestResource;
import io.downline.audit.service.ChainVerification;
import io.downline.platform.events.Topics;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sustained ingestion from the broker: {@code -Dbench.events} (default 100,000) events are published on the six
 * domain topics while the chain's advisory lock is held (the consumer waits in its first batch, the rest waits in
 * the broker); the lock is released and the time until the last event is in the chain is measured. Three runs.
 */
@QuarkusTest
@WithTestResource(AuditTestResource.class)
class IngestBenchmark {

    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    /** AuditLogRepository.CHAIN_LOCK */
    private static final long CHAIN_LOCK = 0x41554449544c4f47L;

    @Inject
    DataSource dataSource;

    @Inject
    ChainVerification verification;

    @Test
    void ingestFromTheBroker() throws Exception {
        double[] rates = new double[3];
        Map<String, Object> cpu = null;
        for (int run = 0; run < 3; run++) {
            long before = count();
            try (Connection holder = AuditEvents.owner()) {
                holder.createStatement().execute("SELECT pg_advisory_lock(" + CHAIN_LOCK + ")");
                publish(EVENTS);
                CpuUsage usage = CpuUsage.start(dataSource);
                long start = System.nanoTime();
                holder.createStatement().execute("SELECT pg_advisory_unlock(" + CHAIN_LOCK + ")");
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> count() - before >= EVENTS);
                double seconds = (System.nanoTime() - start) / 1e9;
                cpu = usage.stop();
                rates[run] = EVENTS / seconds;
                LOG.infof("Run %d: %d events in %.2f s, %.0f events/s", run + 1, EVENTS, seconds, rates[run]);
            }
        }
        assertThat(verification.verify(null, null).intact()).isTrue();

        double median = median(rates);
        BenchReport report = new BenchReport("audit-ingest")
                .put("host", BenchFigures.host())
                .put("load", CpuLoad.uptime())
                .put("events_per_run", EVENTS)
                .put("events_per_second", rates)
                .put("cpu_last_run", cpu);
        new BenchFigures.Targets()
                .atLeast("ingest from the broker, median of 3 runs", median, 5_000, "events/s", false)
                .writeAndAssert(report);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long count() throws SQLException {
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(seq), 0) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events shaped like the suite's (CloudEvents headers, a payload of about 250 bytes), keyed by aggregate. */
    private static void publish(int events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < events; i++) {
                String topic = Topics.ALL.get(i % Topics.ALL.size());
                String subject = new UUID(random.nextLong(), random.nextLong()).toString();
                String payload = "{\"lineId\":\"" + UUID.randomUUID() + "\",\"beneficiaryId\":\"" + subject
                        + "\",\"orderId\":\"" + UUID.randomUUID() + "\",\"level\":" + (1 + i % 5)
                        + ",\"rate\":\"0.10\",\"amount\":{\"amount\":\"12.50\",\"currency\":\"USD\"},"
                        + "\"actor\":\"admin-" + (i % 50) + "\",\"occurredAt\":\"2026-05-10T09:00:00Z\"}";
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, payload);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", "commission.earned");
                header(record, "ce_source", "commission-service");
                header(record, "ce_subject", subject);
                header(record, "ce_time", Instant.now().toString());
                header(record, "ce_dataschema", "urn:downline:events:commission.earned:v1");
                header(record, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
