package io.downline.user.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.downline.user.domain.LevelCount;
import io.downline.user.domain.ReferralCodes;
import io.downline.user.domain.TreeNode;
import io.downline.user.repository.SponsorTreeRepository;
import io.downline.user.rest.GenealogyResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sponsor tree at scale (issue: genealogy performance): a generated tree of a million members is bulk
 * loaded, then upline, downline count and levels are timed through {@link SponsorTreeRepository} and REST,
 * then registration throughput with event delivery and the outbox lag, then how deep the tree can grow.
 * Each benchmark writes {@code target/bench/<name>.json} before it asserts its targets.
 *
 * <p>Run with {@code mvn -Pbench verify -pl user-service}; sizes can be lowered for a quick try with
 * {@code -Dbench.members=100000} and friends (see the constants). Bulk rows are deleted at the end, unless
 * {@code -Dbench.keep-rows=true} (to look at plans afterwards; the next run's Flyway clean drops them).
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SponsorTreeBenchmark {

    private static final Logger LOG = Logger.getLogger(SponsorTreeBenchmark.class);

    static final int MEMBERS = Integer.getInteger("bench.members", 1_000_000);
    static final long SEED = Long.getLong("bench.seed", 20_260_527L);
    static final int UPLINE_MEMBERS = 100;
    static final int UPLINE_CALLS = Integer.getInteger("bench.upline.calls", 2_000);
    static final int UPLINE_REST_CALLS = Integer.getInteger("bench.upline.rest-calls", 1_000);
    static final long DOWNLINE_SIZE = 100_000;
    static final int DOWNLINE_CALLS = Integer.getInteger("bench.downline.calls", 25);
    static final int DOWNLINE_REST_CALLS = Integer.getInteger("bench.downline.rest-calls", 20);
    static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 5_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int WARMUP_ROUND = Integer.getInteger("bench.registrations.warm-up-round", 2_000);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.registrations.warm-up-seconds", 180);
    static final double WARMUP_JIT_CORES = 0.05;
    static final int SPONSOR_SEEDS = 200;

    static final double UPLINE_P99_MS = 5;
    static final double DOWNLINE_P99_MS = 300;
    static final double REGISTRATIONS_PER_SECOND = 300;
    static final double OUTBOX_LAG_P99_MS = 200;

    private static final String ADMIN = "bench-admin";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SponsorTreeRepository tree;

    @Inject
    MeterRegistry registry;

    @Inject
    ReferralCodes referralCodes;

    @TestHTTPResource("/")
    URL baseUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private BulkTree bulk;

    // ------------------------------------------------------------------------------------------ 1. bulk load

    @Test
    @Order(1)
    void bulkLoad() throws Exception {
        BenchReport report = new BenchReport("sponsor-tree-bulk-load");
        report.put("host", BenchFigures.host());
        report.put("postgres", postgresSettings());
        CpuUsage cpu = CpuUsage.start(dataSource);
        long t0 = System.nanoTime();
        BulkTree generated = BulkTree.generate(MEMBERS, SEED);
        double generation = BulkTree.seconds(t0);
        report.put("tree", generated.tree.shape());
        report.put("depth", generated.tree.depthFigures());

        BulkTree.LoadFigures load;
        Map<String, Object> verified;
        Map<String, Object> sizes;
        long tLoad = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            load = generated.load(connection);
            double total = BulkTree.seconds(tLoad);
            bulk = generated; // loaded: from here on the rows exist and must be cleaned up
            Map<String, Object> seconds = new LinkedHashMap<>();
            seconds.put("generation", generation);
            seconds.putAll(load.seconds);
            seconds.put("total", BenchFigures.round(generation + total, 3));
            report.put("seconds", seconds);
            report.put("load", load.details);
            report.put("cpu", cpu.stop());
            long tVerify = System.nanoTime();
            verified = generated.verify(connection);
            verified.put("seconds", BulkTree.seconds(tVerify));
            report.put("verification", verified);
            sizes = BulkTree.sizes(connection);
            report.put("sizesMiB", sizes);
        }
        report.put("treeIds", Map.of("root", bulk.rootTreeId, "first", bulk.firstTreeId, "last", bulk.lastTreeId()));
        // No throughput target for the load itself: figures only, plus correctness.
        new BenchFigures.Targets()
                .atMost("paths that differ from the sponsor's path + own tree_id", ((Number) verified.get("pathMismatches")).doubleValue(), 0, "rows", true)
                .writeAndAssert(report);
        assertEquals((long) MEMBERS, ((Number) verified.get("rows")).longValue());
        assertEquals(bulk.tree.maxDepth(), ((Number) verified.get("maxDepth")).intValue());
    }

    // ------------------------------------------------------------------------------------------ 2. upline

    @Test
    @Order(2)
    void uplineOfDeepMembers() throws Exception {
        assumeTrue(bulk != null, "bulk load failed");
        List<Integer> deepest = bulk.tree.deepest(UPLINE_MEMBERS);
        UUID[] ids = deepest.stream().map(bulk::id).toArray(UUID[]::new);
        int[] depths = deepest.stream().mapToInt(p -> bulk.tree.depth[p]).toArray();

        for (int i = 0; i < 300; i++) { // warm-up: JIT, pool, server-side prepared statement
            tree.upline(ids[i % ids.length]);
        }
        Histogram repository = BenchFigures.micros();
        int wrong = 0;
        CpuUsage cpuRepository = CpuUsage.start(dataSource);
        for (int i = 0; i < UPLINE_CALLS; i++) {
            int k = i % ids.length;
            long t = System.nanoTime();
            List<TreeNode> upline = tree.upline(ids[k]);
            BenchFigures.record(repository, t);
            if (upline.size() != depths[k]) {
                wrong++;
            }
        }
        Map<String, Object> repositoryCpu = cpuRepository.stop();

        String admin = Tokens.admin(ADMIN);
        HttpRequest[] requests = new HttpRequest[ids.length];
        for (int k = 0; k < ids.length; k++) {
            requests[k] = get("/api/members/" + ids[k] + "/upline", admin);
        }
        for (int k = 0; k < ids.length; k++) { // warm-up, and the answers are checked once each
            HttpResponse<String> response = send(requests[k], 200);
            if (EventJson.mapper().readTree(response.body()).size() != depths[k]) {
                wrong++;
            }
        }
        for (int i = 0; i < 200; i++) {
            send(requests[i % ids.length], 200);
        }
        Histogram rest = BenchFigures.micros();
        long bytes = 0;
        CpuUsage cpuRest = CpuUsage.start(dataSource);
        for (int i = 0; i < UPLINE_REST_CALLS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = send(requests[i % ids.length], 200);
            BenchFigures.record(rest, t);
            bytes += response.body().length();
        }
        Map<String, Object> restCpu = cpuRest.stop();

        BenchReport report = new BenchReport("sponsor-tree-upline");
        report.put("tree", bulk.tree.shape());
        report.put("members", Map.of("count", ids.length, "depthMin", depths[depths.length - 1], "depthMax", depths[0],
                "note", "the " + ids.length + " deepest members, called round-robin"));
        report.put("repository", BenchFigures.summary(repository));
        report.put("repositoryCpu", repositoryCpu);
        Map<String, Object> restFigures = new LinkedHashMap<>(BenchFigures.summary(rest));
        restFigures.put("meanResponseBytes", bytes / Math.max(1, UPLINE_REST_CALLS));
        restFigures.put("path", "GET /api/members/{id}/upline (admin token, full node views)");
        report.put("rest", restFigures);
        report.put("restCpu", restCpu);
        report.put("wrongAnswers", wrong);
        report.put("plan", explainLast(() -> tree.upline(ids[0]), "nlevel", ids[0]));
        new BenchFigures.Targets()
                .atMost("upline p99, SponsorTreeRepository.upline", BenchFigures.p99ms(repository), UPLINE_P99_MS, "ms", true)
                .atMost("upline p99, REST (informational)", BenchFigures.p99ms(rest), UPLINE_P99_MS, "ms", false)
                .atMost("wrong upline sizes", wrong, 0, "answers", true)
                .writeAndAssert(report);
    }

    // ------------------------------------------------------------------------------------------ 3. downline

    @Test
    @Order(3)
    void downlineCountAndLevels() throws Exception {
        assumeTrue(bulk != null, "bulk load failed");
        int position = bulk.tree.closestDownline(DOWNLINE_SIZE);
        UUID id = bulk.id(position);
        long expected = bulk.tree.descendants(position);
        int wrong = 0;

        for (int i = 0; i < 2; i++) {
            tree.downlineCount(id);
            tree.levelCounts(id, 1000);
        }
        CpuUsage cpu = CpuUsage.start(dataSource);
        Histogram count = BenchFigures.micros();
        for (int i = 0; i < DOWNLINE_CALLS; i++) {
            long t = System.nanoTime();
            long members = tree.downlineCount(id);
            BenchFigures.record(count, t);
            wrong += members == expected ? 0 : 1;
        }
        Histogram levels = BenchFigures.micros();
        int levelRows = 0;
        for (int i = 0; i < DOWNLINE_CALLS; i++) {
            long t = System.nanoTime();
            List<LevelCount> perLevel = tree.levelCounts(id, 1000);
            BenchFigures.record(levels, t);
            levelRows = perLevel.size();
            wrong += perLevel.stream().mapToLong(LevelCount::members).sum() == expected ? 0 : 1;
        }

        String admin = Tokens.admin(ADMIN);
        HttpRequest countRequest = get("/api/members/" + id + "/downline/count", admin);
        // The API caps level counts at GenealogyResource.MAX_DEPTH levels: compare with the repository's answer there.
        HttpRequest levelsRequest = get("/api/members/" + id + "/downline/levels?maxDepth=" + GenealogyResource.MAX_DEPTH,
                admin);
        long expectedWithinCap = tree.levelCounts(id, GenealogyResource.MAX_DEPTH).stream()
                .mapToLong(LevelCount::members).sum();
        send(countRequest, 200);
        send(levelsRequest, 200);
        Histogram restCount = BenchFigures.micros();
        for (int i = 0; i < DOWNLINE_REST_CALLS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = send(countRequest, 200);
            BenchFigures.record(restCount, t);
            wrong += EventJson.mapper().readTree(response.body()).get("members").asLong() == expected ? 0 : 1;
        }
        Histogram restLevels = BenchFigures.micros();
        for (int i = 0; i < DOWNLINE_REST_CALLS; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = send(levelsRequest, 200);
            BenchFigures.record(restLevels, t);
            wrong += EventJson.mapper().readTree(response.body()).get("total").asLong() == expectedWithinCap ? 0 : 1;
        }
        Map<String, Object> cpuFigures = cpu.stop();
        // One page of the downline list as the genealogy screen asks for it (defaults: 10 levels, 50 per page).
        HttpRequest pageRequest = get("/api/members/" + id + "/downline?maxDepth=10&limit=50", admin);
        send(pageRequest, 200);
        Histogram restPage = BenchFigures.micros();
        for (int i = 0; i < DOWNLINE_REST_CALLS / 2; i++) {
            long t = System.nanoTime();
            send(pageRequest, 200);
            BenchFigures.record(restPage, t);
        }

        BenchReport report = new BenchReport("sponsor-tree-downline");
        report.put("tree", bulk.tree.shape());
        report.put("member", Map.of("descendants", expected, "depth", bulk.tree.depth[position],
                "levelsBelow", levelRows));
        report.put("countRepository", BenchFigures.summary(count));
        report.put("levelsRepository", BenchFigures.summary(levels));
        report.put("countRest", BenchFigures.summary(restCount));
        report.put("levelsRest", BenchFigures.summary(restLevels));
        Map<String, Object> page = new LinkedHashMap<>(BenchFigures.summary(restPage));
        page.put("path", "GET /api/members/{id}/downline?maxDepth=10&limit=50 (no target; one keyset page query, "
                + "no count)");
        report.put("pageRest", page);
        report.put("cpu", cpuFigures);
        report.put("wrongAnswers", wrong);
        report.put("planCount", explainLast(() -> tree.downlineCount(id), "count(*)", id));
        report.put("planLevels", explainLast(() -> tree.levelCounts(id, 1000), "GROUP BY", 1000, id));
        new BenchFigures.Targets()
                .atMost("downline count p99, SponsorTreeRepository.downlineCount", BenchFigures.p99ms(count), DOWNLINE_P99_MS, "ms", true)
                .atMost("downline levels p99, SponsorTreeRepository.levelCounts (informational)", BenchFigures.p99ms(levels), DOWNLINE_P99_MS, "ms", false)
                .atMost("downline count p99, REST (informational)", BenchFigures.p99ms(restCount), DOWNLINE_P99_MS, "ms", false)
                .atMost("downline levels p99, REST (informational)", BenchFigures.p99ms(restLevels), DOWNLINE_P99_MS, "ms", false)
                .atMost("wrong downline answers", wrong, 0, "answers", true)
                .writeAndAssert(report);
    }

    // ------------------------------------------------------------------------------------------ 4. registration

    @Test
    @Order(4)
    void registrationThroughputWithEventsDelivered() throws Exception {
        // Sponsors: a tree of members registered through the API under the root (depth up to ~80), so that
        // the new members get paths of realistic length while the million bulk rows stay removable (their
        // sponsor_edge history, which is append-only, would otherwise pin them).
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> sponsorCodes = new ArrayList<>();
        List<Integer> sponsorDepths = new ArrayList<>();
        sponsorCodes.add("DOWNLINE");
        sponsorDepths.add(0);
        Histogram seedLatency = BenchFigures.micros();
        for (int i = 0; i < SPONSOR_SEEDS; i++) {
            int sponsor = Math.max(0, sponsorCodes.size() - 1 - random.nextInt(4));
            String subject = "bench-seed-" + UUID.randomUUID();
            long t = System.nanoTime();
            HttpResponse<String> response = send(register(subject, sponsorCodes.get(sponsor)), 201);
            BenchFigures.record(seedLatency, t);
            sponsorCodes.add(EventJson.mapper().readTree(response.body()).get("referralCode").asText());
            sponsorDepths.add(sponsorDepths.get(sponsor) + 1);
        }
        awaitOutboxDrained(Duration.ofSeconds(60));

        // Warm-up through the same path (JIT, pools, caches) for WARMUP_SECONDS, in rounds, or until the JIT
        // compiler is nearly idle. A service that has run for hours has compiled its hot paths; in this JVM
        // (service, broker, harness) C2 keeps a quarter of a core busy for minutes, and throughput still rises
        // over the first minutes. Tokens are signed before each round's clock starts.
        RegistrationLoad load = new RegistrationLoad(uri("/api/members"), dataSource, CLIENTS);
        List<Map<String, Object>> warmUpRounds = new ArrayList<>();
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        for (int round = 1; System.nanoTime() < warmUpEnd; round++) {
            List<RegistrationLoad.Request> batch = RegistrationLoad.requests(WARMUP_ROUND, "bench-warm-", sponsorCodes, random);
            double jitBefore = CpuUsage.jitCompilerSeconds();
            RegistrationLoad.Run warm = load.run(batch);
            double jitCores = (CpuUsage.jitCompilerSeconds() - jitBefore) / warm.seconds();
            warmUpRounds.add(Map.of("round", round, "succeeded", warm.registered.size(),
                    "perSecondWithEventsSeen", BenchFigures.round(warm.perSecond(), 1),
                    "jitCompilerCores", BenchFigures.round(jitCores, 3)));
            awaitOutboxDrained(Duration.ofSeconds(60));
            if (jitCores < WARMUP_JIT_CORES) {
                break;
            }
        }

        long tPrepare = System.nanoTime();
        List<RegistrationLoad.Request> requests = RegistrationLoad.requests(REGISTRATIONS, "bench-reg-", sponsorCodes, random);
        double prepareSeconds = BulkTree.seconds(tPrepare);
        Timer lagTimer = registry.find("downline.outbox.lag").timer();
        HistogramSnapshot lagBefore = lagTimer == null ? null : lagTimer.takeSnapshot();
        RegistrationLoad.Run run = load.run(requests);
        HistogramSnapshot lagAfter = lagTimer == null ? null : lagTimer.takeSnapshot();
        Set<String> registered = run.registered;
        AtomicInteger failures = run.failures;
        Map<String, Object> cpuFigures = run.cpu;

        double elapsed = run.seconds();
        double throughput = run.perSecond();
        double httpElapsed = (run.lastResponse.get() - run.start) / 1e9;

        // Outbox lag, three ways (see BENCHMARKS.md): the asserted one is per event from the outbox rows.
        Histogram rowLag = outboxRowLag(registered);
        Histogram sendLag = run.sendLag();
        Histogram seenLag = run.seenLag();

        BenchReport report = new BenchReport("registration-throughput");
        report.put("tree", bulk == null ? "no bulk tree (load failed)" : bulk.tree.shape());
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("registrations", REGISTRATIONS);
        setup.put("clientThreads", CLIENTS);
        setup.put("sponsors", SPONSOR_SEEDS + " members registered through the API before the clock starts, depth 1.."
                + Collections.max(sponsorDepths) + "; each registration picks one at random");
        setup.put("sponsorRegistrationLatency", BenchFigures.summary(seedLatency));
        setup.put("client", "Apache HttpClient 4 (blocking), HTTP/1.1 keep-alive, one connection per client thread, "
                + "one member token per registration (pre-signed)");
        setup.put("eventReader", "plain consumer of users.events.v1 reading the ce_* headers, fetches of up to 64 KiB / 100 ms");
        setup.put("requestPreparationSeconds (token signing, not timed)", prepareSeconds);
        setup.put("warmUp", Map.of("roundsOf", WARMUP_ROUND, "forSeconds", WARMUP_SECONDS,
                "orUntilJitCompilerCoresBelow", WARMUP_JIT_CORES, "rounds", warmUpRounds));
        report.put("setup", setup);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("succeeded", registered.size());
        result.put("failed", failures.get());
        result.put("secondsUntilAllEventsSeen", BenchFigures.round(elapsed, 3));
        result.put("registrationsPerSecondWithEventsSeen", BenchFigures.round(throughput, 1));
        result.put("secondsUntilLastHttpResponse", BenchFigures.round(httpElapsed, 3));
        result.put("registrationsPerSecondHttpOnly", BenchFigures.round(registered.size() / httpElapsed, 1));
        result.put("eventsSeen", run.seenAfterMillis.keySet().stream().filter(registered::contains).count());
        report.put("result", result);
        report.put("httpLatency", BenchFigures.summary(run.httpLatency.getIntervalHistogram()));
        report.put("cpu", cpuFigures);
        report.put("cpuMsPerRegistration", cpuPerRegistration(cpuFigures, registered.size()));
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("outboxRows_createdAt_to_sentAt", BenchFigures.summary(rowLag));
        lag.put("micrometer_downline_outbox_lag", micrometerDelta(lagBefore, lagAfter));
        lag.put("kafkaRecordTimestamp_minus_ceTime", BenchFigures.summary(sendLag));
        lag.put("testConsumerSeen_minus_ceTime", BenchFigures.summary(seenLag));
        lag.put("note", "asserted: outbox row sent_at - created_at per event (insert in the registration transaction "
                + "to the relay's UPDATE after the broker's ack; never less than the timer's value). Cross-checks: the "
                + "downline.outbox.lag timer over this run (delta of its cumulative histogram buckets, so the p99 is a "
                + "bucket bound), record CreateTime - ce_time (insert to producer send, ms), and when the test's "
                + "consumer saw the event (upper bound, includes its poll).");
        report.put("outboxLag", lag);
        new BenchFigures.Targets()
                .atLeast("registrations per second, first request until every member.registered seen",
                        throughput, REGISTRATIONS_PER_SECOND, "1/s", true)
                .atMost("outbox lag p99 (outbox row created_at -> sent_at)", BenchFigures.p99ms(rowLag),
                        OUTBOX_LAG_P99_MS, "ms", true)
                .atMost("failed registrations", failures.get(), 0, "requests", true)
                .writeAndAssert(report);
    }

    /**
     * CPU per registration from the measured window: the service's own threads, the PostgreSQL backends of
     * this database, and the test harness (clients, event reader, in-JVM broker), with what that would allow
     * if the service and PostgreSQL had the 2 cores to themselves (an estimate: linear, JIT and GC excluded).
     */
    private static Map<String, Object> cpuPerRegistration(Map<String, Object> cpu, int registrations) {
        Map<String, Object> perRegistration = new LinkedHashMap<>();
        if (registrations == 0 || !cpu.containsKey("thisTestJvmCoresByThreadGroup")) {
            return perRegistration;
        }
        double wall = ((Number) cpu.get("wallSeconds")).doubleValue();
        double service = CpuUsage.seconds(cpu, CpuUsage.SERVICE_WORKERS, CpuUsage.SERVICE_IO, CpuUsage.SERVICE_RELAY,
                CpuUsage.SERVICE_OTHER) * 1000 / registrations;
        double postgres = ((Number) cpu.get("postgresBackendsOfThisDatabaseCores")).doubleValue() * wall * 1000
                / registrations;
        double harness = CpuUsage.seconds(cpu, CpuUsage.HARNESS, CpuUsage.KAFKA_BROKER) * 1000 / registrations;
        perRegistration.put("serviceJavaThreads", BenchFigures.round(service, 2));
        perRegistration.put("serviceRestWorkers", BenchFigures.round(CpuUsage.seconds(cpu, CpuUsage.SERVICE_WORKERS) * 1000 / registrations, 2));
        perRegistration.put("serviceEventLoops", BenchFigures.round(CpuUsage.seconds(cpu, CpuUsage.SERVICE_IO) * 1000 / registrations, 2));
        perRegistration.put("serviceOutboxRelay", BenchFigures.round(CpuUsage.seconds(cpu, CpuUsage.SERVICE_RELAY) * 1000 / registrations, 2));
        perRegistration.put("postgresBackends", BenchFigures.round(postgres, 2));
        perRegistration.put("testHarnessAndBroker", BenchFigures.round(harness, 2));
        perRegistration.put("estimatedPerSecondOn2DedicatedCores (service + PostgreSQL only)",
                BenchFigures.round(2000 / (service + postgres), 0));
        return perRegistration;
    }

    // ------------------------------------------------------------------------------------------ 5. depth limit

    /**
     * How deep can a member be? The GiST index on {@code member.path} stores whole paths (and, in inner
     * pages, two bounding paths per entry); a label of 7 digits takes 16 bytes. This inserts chains of
     * members the way registration does (the trigger derives the path), one savepoint per insert, until the
     * insert fails or the probe's cap; then everything is rolled back. Informational.
     */
    @Test
    @Order(5)
    void depthLimitProbe() throws Exception {
        assumeTrue(bulk != null, "bulk load failed");
        int deepest = bulk.tree.deepest(1).get(0);
        BenchReport report = new BenchReport("sponsor-tree-depth-limit");
        report.put("tree", bulk.tree.shape());
        report.put("belowDeepestBulkMember", probeChain(bulk.id(deepest), bulk.tree.depth[deepest], 600));
        report.put("newLegFromRoot", probeChain(bulk.id(0), 0, 600));
        report.put("note", "chains inserted with plain INSERTs through the path trigger in one transaction, "
                + "rolled back afterwards. An ltree label takes MAXALIGN(2 + digits) bytes: 8 up to 6 digits, 16 from 7 digits "
                + "(tree_id >= 1,000,000).");
        new BenchFigures.Targets().writeAndAssert(report);
    }

    private Map<String, Object> probeChain(UUID from, int fromDepth, int cap) throws SQLException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startDepth", fromDepth);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO member (id, email, name, country, referral_code, sponsor_id, status, registered_at, updated_at)
                    VALUES (?, ?, 'Depth Probe', 'US', ?, ?, 'ACTIVE', now(), now())""")) {
                UUID sponsor = from;
                int depth = fromDepth;
                String error = null;
                while (depth < cap) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, "probe-" + id + "@bench.example.com");
                    insert.setString(3, referralCodes.next());
                    insert.setObject(4, sponsor);
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        insert.executeUpdate();
                        connection.releaseSavepoint(savepoint);
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        error = e.getMessage();
                        break;
                    }
                    sponsor = id;
                    depth++;
                }
                result.put("deepestInserted", depth);
                result.put("failedAtDepth", error == null ? null : depth + 1);
                result.put("error", error == null ? "none up to the probe's cap of " + cap : error);
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT pg_column_size(path), octet_length(path::text), tree_id FROM member WHERE id = '" + sponsor + "'")) {
                    if (rs.next()) {
                        result.put("deepestPathBytes (as stored, maybe compressed)", rs.getInt(1));
                        result.put("deepestPathTextChars", rs.getInt(2));
                        result.put("treeIdOfDeepest", rs.getLong(3));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ cleanup

    @AfterAll
    void removeBulkRows() throws SQLException {
        if (bulk == null) {
            return;
        }
        if (Boolean.getBoolean("bench.keep-rows")) {
            LOG.warnf("bench.keep-rows: the %d bulk members stay (tree_id %d..%d) for investigation", bulk.n,
                    bulk.firstTreeId, bulk.lastTreeId());
            return;
        }
        long t = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long deleted = bulk.delete(connection);
            LOG.infof("Removed %d bulk members in %.1f s", deleted, BulkTree.seconds(t));
            new BenchReport("sponsor-tree-cleanup").put("deletedMembers", deleted)
                    .put("seconds", BulkTree.seconds(t)).write();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    private HttpRequest register(String subject, String referralCode) {
        return HttpRequest.newBuilder(uri("/api/members")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Tokens.member(subject))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RegistrationLoad.body(subject, referralCode))).build();
    }

    private URI uri(String path) {
        return URI.create(baseUrl.toString().replaceAll("/$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response;
    }

    private void awaitOutboxDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The outbox did not drain within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private Histogram outboxRowLag(Set<String> memberIds) throws SQLException {
        Histogram lag = BenchFigures.micros();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT (extract(epoch FROM sent_at - created_at) * 1000000)::bigint FROM outbox_sent
                        WHERE type = ? AND aggregate_id = ANY (?)""")) {
            statement.setString(1, EventType.MEMBER_REGISTERED.type());
            statement.setArray(2, connection.createArrayOf("text", memberIds.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lag.recordValue(Math.max(1, Math.min(60_000_000L, rs.getLong(1))));
                }
            }
        }
        return lag;
    }

    /** What the timer recorded between two snapshots: count, mean, and p50/p99 as histogram bucket bounds. */
    private static Map<String, Object> micrometerDelta(HistogramSnapshot before, HistogramSnapshot after) {
        Map<String, Object> delta = new LinkedHashMap<>();
        if (before == null || after == null) {
            delta.put("error", "timer downline.outbox.lag not registered");
            return delta;
        }
        long count = after.count() - before.count();
        delta.put("count", count);
        delta.put("mean_ms", count == 0 ? 0
                : BenchFigures.round((after.total(TimeUnit.MILLISECONDS) - before.total(TimeUnit.MILLISECONDS)) / count, 3));
        CountAtBucket[] a = after.histogramCounts();
        CountAtBucket[] b = before.histogramCounts();
        if (a.length == 0 || a.length != b.length || count == 0) {
            delta.put("buckets", "unavailable");
            return delta;
        }
        double[] bounds = new double[a.length];
        double[] cumulative = new double[a.length];
        boolean isCumulative = true;
        for (int i = 0; i < a.length; i++) {
            bounds[i] = a[i].bucket(TimeUnit.MILLISECONDS);
            cumulative[i] = a[i].count() - b[i].count();
            if (i > 0 && a[i].count() < a[i - 1].count()) {
                isCumulative = false;
            }
        }
        if (!isCumulative) {
            for (int i = 1; i < cumulative.length; i++) {
                cumulative[i] += cumulative[i - 1];
            }
        }
        for (double q : new double[] { 0.5, 0.99 }) {
            String name = q == 0.5 ? "p50" : "p99";
            for (int i = 0; i < cumulative.length; i++) {
                if (cumulative[i] >= q * count) {
                    delta.put(name + "_ms_bucket", "(" + BenchFigures.round(i == 0 ? 0 : bounds[i - 1], 1) + ", "
                            + BenchFigures.round(bounds[i], 1) + "]");
                    break;
                }
            }
        }
        Map<String, Object> windowed = new LinkedHashMap<>();
        for (var value : after.percentileValues()) {
            windowed.put("p" + BenchFigures.round(value.percentile() * 100, 1), BenchFigures.round(value.value(TimeUnit.MILLISECONDS), 3));
        }
        delta.put("timerOwnPercentiles_ms (decaying window, not only this run)", windowed);
        return delta;
    }

    /**
     * The plan of the statement the bean really sent: after {@code call}, the most recent statement of another
     * backend of this database (the pool connection the bean used) is taken from pg_stat_activity, prepared
     * and run under EXPLAIN ANALYZE with the given parameter values. No copy of the repository's SQL, so the
     * plan follows the code.
     */
    private List<String> explainLast(Runnable call, String mustContain, Object... parameters) {
        List<String> plan = new ArrayList<>();
        // Held during the call, so that the bean runs on another pooled connection than this one.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            call.run();
            String sql;
            try (ResultSet rs = statement.executeQuery("""
                    SELECT query FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                      AND state = 'idle' AND query NOT ILIKE '%outbox%' AND query NOT ILIKE '%pg_stat_activity%'
                    ORDER BY state_change DESC LIMIT 1""")) {
                sql = rs.next() ? rs.getString(1) : "";
            }
            if (!sql.contains(mustContain)) {
                plan.add("could not capture the statement (last one was: " + sql + ")");
                return plan;
            }
            plan.add("-- " + sql.replaceAll("\\s+", " ").trim());
            StringBuilder values = new StringBuilder();
            for (Object parameter : parameters) {
                values.append(values.length() == 0 ? "" : ", ")
                        .append(parameter instanceof Number ? parameter.toString() : "'" + parameter + "'");
            }
            statement.execute("PREPARE bench_plan AS " + sql);
            try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_plan(" + values + ")")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            } finally {
                statement.execute("DEALLOCATE bench_plan");
            }
        } catch (SQLException e) {
            plan.add("EXPLAIN failed: " + e.getMessage());
        }
        return plan;
    }

    private Map<String, Object> postgresSettings() throws SQLException {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT 'version', version() UNION ALL
                        SELECT name, current_setting(name) FROM pg_settings
                        WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size',
                                       'jit', 'max_parallel_workers_per_gather', 'synchronous_commit', 'max_wal_size',
                                       'random_page_cost')""")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        settings.put("database", currentDatabase());
        return settings;
    }

    private String currentDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
