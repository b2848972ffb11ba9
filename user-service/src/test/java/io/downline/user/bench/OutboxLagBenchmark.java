package io.downline.user.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventType;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbox lag at a steady 200 registrations/s (issue "Platform for six services": p99 at most 20 ms, paced, not
 * at saturation), with the relay's share: per event, the outbox row's insert to the producer's send (rest of
 * the registration transaction, its commit and NOTIFY, the relay's wake-up and read) and the send to the
 * relay's mark-sent (linger, the broker's acknowledgement, the UPDATE), and the relay's CPU per event.
 *
 * <p>{@code mvn -Pbench verify -pl user-service -am -Dtest=OutboxLagBenchmark}; rate, duration and clients with
 * {@code -Dbench.outbox-lag.rate=200 -Dbench.outbox-lag.seconds=60 -Dbench.outbox-lag.warm-up-seconds=60}.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class OutboxLagBenchmark {

    static final double RATE = Double.parseDouble(System.getProperty("bench.outbox-lag.rate", "200"));
    static final int SECONDS = Integer.getInteger("bench.outbox-lag.seconds", 60);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.outbox-lag.warm-up-seconds", 60);
    static final int CLIENTS = Integer.getInteger("bench.outbox-lag.clients", 64);
    static final int SPONSORS = 50;
    static final double LAG_P99_MS = 20;
    static final double PACE_P99_MS = 50;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void outboxLagAtASteadyRegistrationRate() throws Exception {
        SplittableRandom random = new SplittableRandom(20_261_130L);
        URI endpoint = URI.create(baseUrl.toString().replaceAll("/$", "") + "/api/members");
        List<String> sponsorCodes = sponsors(endpoint, random);
        PacedRegistrations load = new PacedRegistrations(endpoint, dataSource, CLIENTS, RATE);

        PacedRegistrations.Run warmUp = load.run(
                RegistrationLoad.requests((int) (RATE * WARMUP_SECONDS), "bench-lag-warm-", sponsorCodes, random));
        awaitOutboxDrained();
        PacedRegistrations.Run run = load.run(
                RegistrationLoad.requests((int) (RATE * SECONDS), "bench-lag-", sponsorCodes, random));
        awaitOutboxDrained();

        Lag lag = lag(run);
        Histogram startDelay = run.startDelay.getIntervalHistogram();
        int events = (int) lag.total.getTotalCount();
        BenchReport report = new BenchReport("outbox-lag-steady-rate");
        report.put("host", BenchFigures.host());
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ratePerSecond", RATE);
        setup.put("measuredSeconds", SECONDS);
        setup.put("warmUpSeconds", WARMUP_SECONDS);
        setup.put("clientThreads", CLIENTS);
        setup.put("sponsors", SPONSORS + " members registered under the root before the warm-up");
        setup.put("warmUp", Map.of("succeeded", warmUp.registered.size(), "failed", warmUp.failures.get(),
                "outboxLag", BenchFigures.summary(lag(warmUp).total)));
        report.put("setup", setup);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("succeeded", run.registered.size());
        result.put("failed", run.failures.get());
        result.put("answeredPerSecond", BenchFigures.round(run.answeredPerSecond(), 1));
        result.put("requestStartDelay (against the schedule)", BenchFigures.summary(startDelay));
        result.put("httpLatency", BenchFigures.summary(run.httpLatency.getIntervalHistogram()));
        report.put("result", result);
        Map<String, Object> lagFigures = new LinkedHashMap<>();
        lagFigures.put("rowInsert_to_sentAt (asserted)", BenchFigures.summary(lag.total));
        lagFigures.put("rowInsert_to_producerSend (transaction rest + commit + NOTIFY + relay wake-up and read; ms resolution)",
                BenchFigures.summary(lag.toSend));
        lagFigures.put("producerSend_to_sentAt (linger + broker ack + mark-sent UPDATE; ms resolution)",
                BenchFigures.summary(lag.sendToSent));
        report.put("outboxLag", lagFigures);
        report.put("cpu", run.cpu);
        double wall = ((Number) run.cpu.get("wallSeconds")).doubleValue();
        double relaySeconds = CpuUsage.seconds(run.cpu, CpuUsage.SERVICE_RELAY);
        report.put("relayCpu", Map.of(
                "msPerEvent", events == 0 ? 0 : BenchFigures.round(relaySeconds * 1000 / events, 3),
                "cores", BenchFigures.round(relaySeconds / wall, 3),
                "shareOfThisJvm", BenchFigures.round(relaySeconds / (((Number) run.cpu.get("thisTestJvmCores")).doubleValue() * wall), 3)));
        new BenchFigures.Targets()
                .atMost("outbox lag p99 at a steady " + RATE + " registrations/s (row insert -> sent_at)",
                        BenchFigures.p99ms(lag.total), LAG_P99_MS, "ms", true)
                .atMost("request start delay p99 against the schedule (the pace was held, not saturation)",
                        BenchFigures.p99ms(startDelay), PACE_P99_MS, "ms", true)
                .atLeast("events measured", events, RATE * SECONDS * 0.99, "events", true)
                .atMost("failed registrations", run.failures.get(), 0, "requests", true)
                .writeAndAssert(report);
    }

    private record Lag(Histogram total, Histogram toSend, Histogram sendToSent) {
    }

    /** Per event of the run, from its outbox row (PostgreSQL's clock) and the record's timestamp (the JVM's). */
    private Lag lag(PacedRegistrations.Run run) throws SQLException {
        Lag lag = new Lag(BenchFigures.micros(), BenchFigures.micros(), BenchFigures.micros());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT event_id::text, (extract(epoch FROM created_at) * 1000000)::bigint,
                               (extract(epoch FROM sent_at) * 1000000)::bigint
                        FROM outbox_sent WHERE type = ? AND aggregate_id = ANY (?)""")) {
            statement.setString(1, EventType.MEMBER_REGISTERED.type());
            statement.setArray(2, connection.createArrayOf("text", run.registered.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long created = rs.getLong(2);
                    long sent = rs.getLong(3);
                    lag.total.recordValue(clamp(sent - created));
                    Long sendMillis = run.sentAtMillis.get(rs.getString(1));
                    if (sendMillis != null) {
                        lag.toSend.recordValue(clamp(sendMillis * 1000 - created));
                        lag.sendToSent.recordValue(clamp(sent - sendMillis * 1000));
                    }
                }
            }
        }
        return lag;
    }

    private static long clamp(long micros) {
        return Math.max(1, Math.min(60_000_000L, micros));
    }

    private List<String> sponsors(URI endpoint, SplittableRandom random) throws Exception {
        List<String> codes = new ArrayList<>(List.of("DOWNLINE"));
        // requests() draws sponsors from index 1 on: here the root's code alone.
        PacedRegistrations.Run run = new PacedRegistrations(endpoint, dataSource, 4, 50)
                .run(RegistrationLoad.requests(SPONSORS, "bench-lag-sponsor-", List.of("DOWNLINE", "DOWNLINE"), random));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT referral_code FROM member WHERE id::text = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", run.registered.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    private void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }
}
