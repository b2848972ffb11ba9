package io.downline.user.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.HdrHistogram.Recorder;
import org.apache.http.HttpHeaders;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.bench.CpuUsage;

/**
 * Registrations through REST at a fixed rate (an open model: request {@code i} is due at {@code start + i/rate},
 * whatever the answers before it did), not at saturation; while users.events.v1 is read for the broker
 * timestamp of every {@code member.registered}, by event id.
 */
final class PacedRegistrations {

    private static final Logger LOG = Logger.getLogger(PacedRegistrations.class);
    private static final String REGISTERED = EventType.MEMBER_REGISTERED.type();

    private final URI endpoint;
    private final DataSource dataSource;
    private final int clients;
    private final double perSecond;

    PacedRegistrations(URI endpoint, DataSource dataSource, int clients, double perSecond) {
        this.endpoint = endpoint;
        this.dataSource = dataSource;
        this.clients = clients;
        this.perSecond = perSecond;
    }

    static final class Run {
        final Set<String> registered = ConcurrentHashMap.newKeySet();
        final AtomicInteger failures = new AtomicInteger();
        final Recorder httpLatency = new Recorder(60_000_000L, 3);
        /** How late each request started against its schedule (a saturated harness shows here). */
        final Recorder startDelay = new Recorder(60_000_000L, 3);
        /** ce_id -> the record's timestamp (ms; the producer stamps it at send()). */
        final Map<String, Long> sentAtMillis = new ConcurrentHashMap<>();
        long start;
        long lastRequestDue;
        final AtomicLong lastAnswer = new AtomicLong();
        long end = -1;
        Map<String, Object> cpu = Map.of();

        /** Registrations answered per second, first request to last answer. */
        double answeredPerSecond() {
            return registered.size() / ((lastAnswer.get() - start) / 1e9);
        }
    }

    Run run(List<RegistrationLoad.Request> requests) throws Exception {
        Run run = new Run();
        long period = (long) (1e9 / perSecond);
        CountDownLatch answered = new CountDownLatch(requests.size());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (CloseableHttpClient http = HttpClients.custom().setMaxConnTotal(clients).setMaxConnPerRoute(clients)
                .disableCookieManagement().disableAutomaticRetries().build();
                KafkaConsumer<String, String> users = EventLog.consumerAtEnd(Topics.USERS,
                        Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50"))) {
            CpuUsage cpu = CpuUsage.start(dataSource);
            run.start = System.nanoTime();
            run.lastRequestDue = run.start + period * (requests.size() - 1);
            pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= requests.size()) {
                    pacer.shutdown();
                    return;
                }
                long due = run.start + i * period;
                pool.execute(() -> {
                    run.startDelay.recordValue(Math.max(0, Math.min(60_000_000L, (System.nanoTime() - due) / 1000)));
                    send(http, requests.get(i), run);
                    answered.countDown();
                });
            }, 0, period, TimeUnit.NANOSECONDS);
            long deadline = run.lastRequestDue + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : users.poll(Duration.ofMillis(100))) {
                    if (REGISTERED.equals(CloudEventCodec.header(record.headers(), CloudEventHeaders.TYPE))) {
                        run.sentAtMillis.putIfAbsent(CloudEventCodec.header(record.headers(), CloudEventHeaders.ID),
                                record.timestamp());
                    }
                }
                if (answered.getCount() == 0 && run.sentAtMillis.size() >= run.registered.size()) {
                    run.end = System.nanoTime();
                    break;
                }
            }
            run.cpu = cpu.stop();
        } finally {
            pacer.shutdownNow();
            pool.shutdownNow();
        }
        return run;
    }

    private void send(CloseableHttpClient http, RegistrationLoad.Request request, Run run) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + request.token());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
        long t = System.nanoTime();
        try (CloseableHttpResponse response = http.execute(post)) {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            run.httpLatency.recordValue(Math.max(1, Math.min(60_000_000L, (System.nanoTime() - t) / 1000)));
            if (response.getStatusLine().getStatusCode() == 201) {
                run.registered.add(EventJson.mapper().readTree(body).get("id").asText());
            } else {
                run.failures.incrementAndGet();
                LOG.warnf("Registration answered %d: %s", response.getStatusLine().getStatusCode(), body);
            }
        } catch (Exception e) {
            run.failures.incrementAndGet();
            LOG.warnf("Registration failed: %s", e.toString());
        }
        run.lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
    }
}
