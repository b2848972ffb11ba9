package io.downline.payout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.payout.World;
import io.downline.payout.World.Payable;
import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.KafkaTestResource;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ledger postings per second (issue 10: at least 1,000/s, p99 at most 50 ms on 2 cores), with the company's
 * commission-expense account in every consumed posting, then payout requests from 32 concurrent REST clients
 * (each payout settled on its own, then settled in bank files as finance does), ending with the invariant check
 * over every account.
 *
 * <p>{@code mvn -Pbench verify -pl payout-service -am -Dtest=LedgerBenchmark}; sizes with
 * {@code -Dbench.ledger.lines=3000 -Dbench.ledger.members=300 -Dbench.ledger.clients=32 -Dbench.ledger.seconds=30}
 * and the untimed warm-up with {@code -Dbench.ledger.warmup-lines=3000 -Dbench.ledger.warmup-seconds=30}.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class LedgerBenchmark {

    static final int LINES = Integer.getInteger("bench.ledger.lines", 3000);
    static final int MEMBERS = Integer.getInteger("bench.ledger.members", 300);
    static final int CLIENTS = Integer.getInteger("bench.ledger.clients", 32);
    static final int SECONDS = Integer.getInteger("bench.ledger.seconds", 30);
    /** Untimed rounds of both phases first, so that the JIT has compiled the hot paths before anything is measured. */
    static final int WARMUP_LINES = Integer.getInteger("bench.ledger.warmup-lines", 3000);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.ledger.warmup-seconds", 30);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void ledgerPostingsFromConsumedEventsAndFromConcurrentPayoutClients() throws Exception {
        BenchReport report = new BenchReport("ledger-postings");
        report.put("host", BenchFigures.host());
        report.put("load_before", loadAverage());

        List<Payable> payables = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            payables.add(World.payable("1000000.00"));
        }
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("consumed", consumedReleases(WARMUP_LINES));
        warmup.put("rest", restClients(payables, WARMUP_SECONDS));
        report.put("warmup_not_measured", warmup);

        Map<String, Object> consumed = consumedReleases(LINES);
        report.put("consumed_commission_events", consumed);
        Map<String, Object> rest = restClients(payables, SECONDS);
        report.put("rest_payout_clients", rest);
        report.put("rest_payout_clients_bank_files", restClientsWithBankFiles(payables, SECONDS));
        report.put("load_after", loadAverage());

        long checkStart = System.nanoTime();
        String invariants = World.as(World.ADMIN).get("/api/payouts/ledger/invariants").then().statusCode(200)
                .extract().asString();
        report.put("invariant_check", Map.of("ms", BenchFigures.ms((System.nanoTime() - checkStart) / 1000),
                "result", invariants));
        assertThat(invariants).contains("\"holds\":true");

        new BenchFigures.Targets()
                .atLeast("consumed postings/s", (double) consumed.get("postings_per_s"), 1000, "/s", false)
                .atLeast("REST postings/s (32 clients)", (double) rest.get("postings_per_s"), 1000, "/s", false)
                .atMost("REST p99", (double) ((Map<?, ?>) rest.get("latency")).get("p99_ms"), 50, "ms", false)
                .writeAndAssert(report);
    }

    /** commission.earned then commission.released for LINES lines over MEMBERS members: two postings per line. */
    private Map<String, Object> consumedReleases(int lines) throws Exception {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UUID.randomUUID());
        }
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            UUID member = members.get(i % MEMBERS);
            UUID line = UUID.randomUUID();
            Money amount = Money.of("12.34", "USD");
            events.add(EventEnvelope.of(EventType.COMMISSION_EARNED, "commission-service", member.toString(),
                    new CommissionEarned(line, UUID.randomUUID(), member, UUID.randomUUID(), 1, new BigDecimal("0.10"),
                            new BigDecimal("123.40"), amount, "MEMBER", "2026-11", 1,
                            Instant.now().plus(14, ChronoUnit.DAYS), Instant.now()), null));
            events.add(EventEnvelope.of(EventType.COMMISSION_RELEASED, "commission-service", member.toString(),
                    new CommissionReleased(line, UUID.randomUUID(), member, amount, Instant.now()), null));
        }
        long before = World.queryLong("SELECT count(*) FROM transfer");
        CpuUsage cpu = CpuUsage.start(dataSource);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (EventEnvelope event : events) {
                producer.send(CloudEventCodec.toRecord(Topics.COMMISSIONS, event));
            }
        }
        long expected = before + events.size();
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> World.queryLong("SELECT count(*) FROM transfer") >= expected);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", events.size());
        figures.put("members", MEMBERS);
        figures.put("seconds", BenchFigures.round(seconds, 2));
        figures.put("postings_per_s", BenchFigures.round(events.size() / seconds, 1));
        figures.put("cpu", cpu.stop());
        return figures;
    }

    /**
     * Each client loops: request 50.00 (hold), finance approves, finance settles it paid (a posting to the company).
     * Latency over every call, and per step.
     */
    private Map<String, Object> restClients(List<Payable> payables, int seconds) throws Exception {
        RestRun run = new RestRun(baseUrl.toString().replaceAll("/$", ""));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CpuUsage cpu = CpuUsage.start(dataSource);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (Payable payable : payables) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String payout = run.requestAndApprove(payable);
                    run.count(payout != null && run.settle("{\"items\":[" + paid(payout) + "]}"));
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return run.figures(elapsed, cpu);
    }

    /**
     * As finance settles in practice: the 32 clients loop request 50.00, finance approves (one call per payout, a
     * person's decision), and one finance client posts the bank's outcomes for every payout approved since its last
     * call in one settlement (a bank file), as {@code POST /api/payouts/settlements} takes them. A member has one
     * open payout at a time, so each client waits for its payout's settlement before it requests again.
     */
    private Map<String, Object> restClientsWithBankFiles(List<Payable> payables, int seconds) throws Exception {
        RestRun run = new RestRun(baseUrl.toString().replaceAll("/$", ""));
        AtomicLong files = new AtomicLong();
        BlockingQueue<Approved> approved = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        CpuUsage cpu = CpuUsage.start(dataSource);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (Payable payable : payables) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String id = run.requestAndApprove(payable);
                    if (id == null) {
                        run.count(false);
                        continue;
                    }
                    Approved payout = new Approved(id, new CompletableFuture<>());
                    approved.add(payout);
                    run.count(payout.settled().get());
                }
                return null;
            }));
        }
        Future<?> finance = pool.submit(() -> {
            while (!clients.stream().allMatch(Future::isDone) || !approved.isEmpty()) {
                Approved first = approved.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Approved> file = new ArrayList<>(List.of(first));
                approved.drainTo(file);
                StringJoiner items = new StringJoiner(",", "{\"items\":[", "]}");
                file.forEach(payout -> items.add(paid(payout.id())));
                boolean ok = run.settle(items.toString());
                files.incrementAndGet();
                file.forEach(payout -> payout.settled().complete(ok));
            }
            return null;
        });
        for (Future<?> client : clients) {
            client.get();
        }
        finance.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Map<String, Object> figures = run.figures(elapsed, cpu);
        figures.put("settlements", files.get());
        figures.put("payouts_per_settlement", BenchFigures.round((double) run.paid() / Math.max(1, files.get()), 1));
        return figures;
    }

    private static String paid(String payout) {
        return "{\"payoutId\":\"" + payout + "\",\"outcome\":\"PAID\",\"reference\":\"B-" + payout.substring(0, 8)
                + "\"}";
    }

    /** A payout approved and waiting for the bank file, and the client waiting for its settlement. */
    private record Approved(String id, CompletableFuture<Boolean> settled) {
    }

    /** One REST phase: its HTTP client, its latency per step and over every call, the loops that paid or failed. */
    private static final class RestRun {

        // HTTP/1.1 as the other services' benchmarks and a gateway in front of the service speak: left to its default,
        // the JDK client upgrades to cleartext HTTP/2, whose frame and HPACK handling took about a fifth of the
        // service's event-loop CPU.
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        private final String base;
        private final Recorder latency = new Recorder(60_000_000L, 3);
        private final Recorder requests = new Recorder(60_000_000L, 3);
        private final Recorder approvals = new Recorder(60_000_000L, 3);
        private final Recorder settlements = new Recorder(60_000_000L, 3);
        private final AtomicLong loops = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();

        RestRun(String base) {
            this.base = base;
        }

        /** Requests 50.00 as the member and has finance approve it: the payout's id, or null when a call failed. */
        String requestAndApprove(Payable payable) {
            String created = call(List.of(latency, requests), base + "/api/payouts", payable.member().token(),
                    "{\"amount\":\"50.00\",\"methodId\":\"" + payable.methodId() + "\"}", 201);
            if (created == null) {
                return null;
            }
            Matcher id = ID.matcher(created);
            id.find();
            String payout = id.group(1);
            return call(List.of(latency, approvals), base + "/api/payouts/" + payout + "/approve", World.FINANCE_1, "",
                    200) != null ? payout : null;
        }

        boolean settle(String items) {
            return call(List.of(latency, settlements), base + "/api/payouts/settlements", World.FINANCE_2, items,
                    200) != null;
        }

        void count(boolean paid) {
            (paid ? loops : failures).incrementAndGet();
        }

        long paid() {
            return loops.get();
        }

        Map<String, Object> figures(double elapsed, CpuUsage cpu) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("clients", CLIENTS);
            figures.put("seconds", BenchFigures.round(elapsed, 2));
            figures.put("payouts_paid", loops.get());
            figures.put("failed_loops", failures.get());
            figures.put("payout_requests_per_s", BenchFigures.round(loops.get() / elapsed, 1));
            figures.put("postings_per_s", BenchFigures.round(2 * loops.get() / elapsed, 1));
            figures.put("latency", BenchFigures.summary(latency.getIntervalHistogram()));
            figures.put("latency_request", BenchFigures.summary(requests.getIntervalHistogram()));
            figures.put("latency_approve", BenchFigures.summary(approvals.getIntervalHistogram()));
            figures.put("latency_settle", BenchFigures.summary(settlements.getIntervalHistogram()));
            figures.put("cpu", cpu.stop());
            return figures;
        }

        private String call(List<Recorder> recorders, String url, String token, String body, int status) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (url.endsWith("/api/payouts")) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long micros = Math.max(1, (System.nanoTime() - start) / 1000);
                recorders.forEach(recorder -> recorder.recordValue(micros));
                return response.statusCode() == status ? response.body() : null;
            } catch (java.io.IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static String loadAverage() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    }
}
