package io.downline.audit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.downline.audit.AuditTestResource;
import io.downline.audit.AuditEvents;
import io.downline.audit.domain.Verification;
import io.downline.audit.service.ChainVerification;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.BenchReport;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Verification of a long chain and an actor's last 100 entries on it. {@code -Dbench.entries} (default 10,000,000)
 * entries are loaded through COPY, hashed as the service hashes them; then the whole chain is verified through the
 * service (each run three times) and 2,000 queries {@code GET /api/audit/entries?actor=..&limit=100} are timed.
 */
@QuarkusTest
@WithTestResource(AuditTestResource.class)
class ChainBenchmark {

    private static final Logger LOG = Logger.getLogger(ChainBenchmark.class);
    private static final long ENTRIES = Long.getLong("bench.entries", 10_000_000L);
    private static final int QUERIES = 2_000;

    @Inject
    ChainVerification verification;

    @Inject
    DataSource dataSource;

    @Test
    void verifyAndQueryALongChain() throws Exception {
        int actors = (int) Math.max(100, ENTRIES * 2 / 3 / 500);
        long loadStart = System.nanoTime();
        long head;
        try (Connection owner = AuditEvents.owner()) {
            head = ChainLoad.append(owner, ENTRIES, actors);
            owner.createStatement().execute("VACUUM ANALYZE audit_service.audit_entry");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        LOG.infof("Loaded %d entries in %.1f s (head %d)", ENTRIES, loadSeconds, head);

        CpuUsage cpu = CpuUsage.start(dataSource);
        double[] verifySeconds = new double[3];
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Verification result = verification.verify(null, null);
            verifySeconds[run] = (System.nanoTime() - start) / 1e9;
            assertThat(result.intact()).isTrue();
            assertThat(result.checked()).isEqualTo(head);
            LOG.infof("Verified %d entries in %.1f s", result.checked(), verifySeconds[run]);
        }
        Map<String, Object> verifyCpu = cpu.stop();

        Histogram micros = BenchFigures.micros();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.of("auditor-bench", Roles.AUDITOR);
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        for (int i = 0; i < QUERIES + 200; i++) {
            String actor = "actor-" + (1 + ThreadLocalRandom.current().nextInt(actors - 1));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/audit/entries?limit=100&actor=" + actor))
                    .header("Authorization", "Bearer " + token).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (i >= 200) {
                BenchFigures.record(micros, start);
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }

        double bestVerify = Math.min(verifySeconds[0], Math.min(verifySeconds[1], verifySeconds[2]));
        BenchReport report = new BenchReport("audit-chain")
                .put("host", BenchFigures.host())
                .put("load", CpuLoad.uptime())
                .put("entries", head)
                .put("actors", actors)
                .put("load_seconds", BenchFigures.round(loadSeconds, 1))
                .put("verify_seconds", verifySeconds)
                .put("verify_entries_per_second", BenchFigures.round(head / bestVerify, 0))
                .put("verify_cpu", verifyCpu)
                .put("actor_last_100", BenchFigures.summary(micros));
        new BenchFigures.Targets()
                .atMost("verify " + head + " entries (best of 3)", bestVerify, 30.0 * head / 10_000_000, "s", false)
                .atMost("actor's last 100, p99", BenchFigures.p99ms(micros), 50, "ms", false)
                .writeAndAssert(report);
    }
}
