package io.downline.kyc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.downline.kyc.Kyc;
import io.downline.kyc.TestMembers;
import io.downline.kyc.TestMembers.Member;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The issue's figures: 1 MiB uploads through REST (checked, encrypted, stored) per second; the heap an upload in
 * flight keeps (10 MiB uploads); the officers' queue at 100,000 open cases. Run with
 * {@code mvn -Pbench verify -pl kyc-service -am}; figures in {@code target/bench/*.json}. The bulk cases stay in
 * the test database until the next run's Flyway clean.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KycBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.upload.clients", 4);
    static final int UPLOADS = Integer.getInteger("bench.uploads", 600);
    static final int WARMUP_UPLOADS = Integer.getInteger("bench.upload.warm-up", 200);
    static final int HEAP_CLIENTS = 4;
    static final int HEAP_ROUNDS = 3;
    static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    static final int OPEN_CASES = Integer.getInteger("bench.open-cases", 100_000);
    static final int QUEUE_CALLS = Integer.getInteger("bench.queue.calls", 500);

    static final double UPLOADS_PER_SECOND = 50;
    static final double HEAP_PER_UPLOAD_MIB = 10;
    static final double QUEUE_P99_MS = 50;
    private static final double MIB = 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL baseUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    @Order(1)
    void uploadsOfOneMebibyte() throws Exception {
        Path file = BenchDocuments.noisePng(592, "bench-1mib"); // 592 x 592 x 3 bytes of noise: a 1 MiB PNG
        List<Member> members = new ArrayList<>();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Member member = TestMembers.register();
            members.add(member);
            cases.add(Kyc.openCase(member, "FULL"));
        }
        run(members, cases, file, WARMUP_UPLOADS, BenchFigures.micros());

        Histogram latency = BenchFigures.micros();
        String loadBefore = loadAverage();
        CpuUsage cpu = CpuUsage.start(dataSource);
        long t0 = System.nanoTime();
        run(members, cases, file, UPLOADS, latency);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> cpuFigures = cpu.stop();
        double perSecond = UPLOADS / seconds;

        BenchReport report = new BenchReport("kyc-upload-throughput");
        report.put("host", BenchFigures.host());
        report.put("loadAverageBefore", loadBefore);
        report.put("loadAverageAfter", loadAverage());
        report.put("documentBytes", Files.size(file));
        report.put("clients", CLIENTS);
        report.put("uploads", UPLOADS);
        report.put("seconds", BenchFigures.round(seconds, 2));
        report.put("uploadsPerSecond", BenchFigures.round(perSecond, 1));
        report.put("latency", BenchFigures.summary(latency));
        report.put("cpu", cpuFigures);
        // CPU per upload does not depend on what else shares the machine: the figure to compare between runs.
        Map<String, Object> perUpload = new LinkedHashMap<>();
        perUpload.put("restWorkers", BenchFigures.round(CpuUsage.seconds(cpuFigures, CpuUsage.SERVICE_WORKERS)
                * 1000 / UPLOADS, 2));
        perUpload.put("httpEventLoops", BenchFigures.round(CpuUsage.seconds(cpuFigures, CpuUsage.SERVICE_IO)
                * 1000 / UPLOADS, 2));
        perUpload.put("postgresBackends", BenchFigures.round(((Number) cpuFigures.get(
                "postgresBackendsOfThisDatabaseCores")).doubleValue() * seconds * 1000 / UPLOADS, 2));
        report.put("cpuMsPerUpload", perUpload);
        Files.delete(file);
        new BenchFigures.Targets().atLeast("1 MiB uploads per second", perSecond, UPLOADS_PER_SECOND, "uploads/s", false)
                .writeAndAssert(report);
    }

    @Test
    @Order(2)
    void heapKeptByTenMebibyteUploadsInFlight() throws Exception {
        Path file = BenchDocuments.noisePng(1860, "bench-10mib"); // 1860 x 1860 x 3 bytes: just under 10 MiB
        List<Member> members = new ArrayList<>();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < HEAP_CLIENTS; i++) {
            Member member = TestMembers.register();
            members.add(member);
            cases.add(Kyc.openCase(member, "FULL"));
        }
        run(members, cases, file, HEAP_CLIENTS, BenchFigures.micros()); // warm-up

        long baseline = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            baseline = Math.min(baseline, liveHeap());
        }
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        AtomicInteger samples = new AtomicInteger();
        // A full GC every SAMPLE_EVERY while the uploads run: what survives it is what the uploads keep.
        Thread sampler = new Thread(() -> {
            long next = System.nanoTime();
            while (uploading.get()) {
                if (System.nanoTime() >= next) {
                    peak.accumulateAndGet(liveHeap(), Math::max);
                    samples.incrementAndGet();
                    next = System.nanoTime() + SAMPLE_EVERY.toNanos();
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }, "heap-sampler");
        sampler.start();
        Histogram latency = BenchFigures.micros();
        try {
            run(members, cases, file, HEAP_CLIENTS * HEAP_ROUNDS, latency);
        } finally {
            uploading.set(false);
            sampler.join();
        }

        double perUploadMiB = Math.max(0, peak.get() - baseline) / MIB / HEAP_CLIENTS;
        BenchReport report = new BenchReport("kyc-upload-heap");
        report.put("host", BenchFigures.host());
        report.put("loadAverage", loadAverage());
        report.put("documentBytes", Files.size(file));
        report.put("concurrentUploads", HEAP_CLIENTS);
        report.put("uploads", HEAP_CLIENTS * HEAP_ROUNDS);
        report.put("method", "live heap after a full GC, every 250 ms while the uploads ran, minus the live heap before; divided by the uploads in flight");
        report.put("baselineLiveHeapMiB", BenchFigures.round(baseline / MIB, 1));
        report.put("peakLiveHeapMiB", BenchFigures.round(peak.get() / MIB, 1));
        report.put("samples", samples.get());
        report.put("latency", BenchFigures.summary(latency));
        Files.delete(file);
        new BenchFigures.Targets()
                .atMost("live heap per 10 MiB upload in flight", perUploadMiB, HEAP_PER_UPLOAD_MIB, "MiB", true)
                .writeAndAssert(report);
    }

    @Test
    @Order(3)
    void reviewQueueAtOneHundredThousandOpenCases() throws Exception {
        long tLoad = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO kyc_case (id, member_id, level, status, country, created_at, submitted_at,"
                    + " reviewer, claimed_at, updated_at)"
                    + " SELECT gen_random_uuid(), gen_random_uuid(), CASE WHEN i % 3 = 0 THEN 'FULL' ELSE 'BASIC' END,"
                    + " CASE WHEN i % 5 = 0 THEN 'IN_REVIEW' ELSE 'SUBMITTED' END,"
                    + " (ARRAY['DE','FR','IT','ES','US','GB','NL','PL','BR','MX'])[1 + i % 10],"
                    + " now() - make_interval(mins => i), now() - make_interval(mins => i),"
                    + " CASE WHEN i % 5 = 0 THEN 'bench-officer' END, CASE WHEN i % 5 = 0 THEN now() END, now()"
                    + " FROM generate_series(1, " + OPEN_CASES + ") AS i");
            statement.execute("VACUUM ANALYZE kyc_case"); // what autovacuum does after a bulk load
        }
        double loadSeconds = (System.nanoTime() - tLoad) / 1e9;
        String officer = TestMembers.officer("bench-officer");
        List<String> queries = List.of("", "?level=FULL", "?country=FR", "?status=SUBMITTED&level=BASIC&country=DE",
                "?page=50&size=100");
        for (int i = 0; i < 100; i++) {
            send(get("/api/kyc/queue" + queries.get(i % queries.size()), officer));
        }
        Histogram latency = BenchFigures.micros();
        Map<String, Histogram> perQuery = new LinkedHashMap<>();
        queries.forEach(q -> perQuery.put(q.isEmpty() ? "default" : q, BenchFigures.micros()));
        String loadBefore = loadAverage();
        for (int i = 0; i < QUEUE_CALLS; i++) {
            String query = queries.get(i % queries.size());
            long t = System.nanoTime();
            HttpResponse<String> response = send(get("/api/kyc/queue" + query, officer));
            BenchFigures.record(latency, t);
            BenchFigures.record(perQuery.get(query.isEmpty() ? "default" : query), t);
            assertThat(response.body()).contains("\"total\":");
        }
        BenchReport report = new BenchReport("kyc-review-queue");
        report.put("host", BenchFigures.host());
        report.put("loadAverageBefore", loadBefore);
        report.put("loadAverageAfter", loadAverage());
        report.put("openCases", OPEN_CASES);
        report.put("bulkLoadSeconds", BenchFigures.round(loadSeconds, 1));
        report.put("calls", QUEUE_CALLS);
        report.put("latency", BenchFigures.summary(latency));
        Map<String, Object> byQuery = new LinkedHashMap<>();
        perQuery.forEach((q, h) -> byQuery.put(q, BenchFigures.summary(h)));
        report.put("latencyByQuery", byQuery);
        new BenchFigures.Targets().atMost("review queue p99", BenchFigures.p99ms(latency), QUEUE_P99_MS, "ms", false)
                .writeAndAssert(report);
    }

    private void run(List<Member> members, List<UUID> cases, Path file, int uploads, Histogram latency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            Member member = members.get(c);
            UUID caseId = cases.get(c);
            clients.add(pool.submit(() -> {
                while (next.getAndIncrement() < uploads) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(upload(member, caseId, file),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new AssertionError("Upload answered " + response.statusCode() + ": " + response.body());
                    }
                    synchronized (latency) {
                        BenchFigures.record(latency, t);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A streamed multipart body: the file is read from disk as it is sent. */
    private HttpRequest upload(Member member, UUID caseId, Path file) throws IOException {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSELFIE\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"selfie.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(URI.create(baseUrl + "api/kyc/cases/" + caseId + "/documents"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + member.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path.substring(1))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
