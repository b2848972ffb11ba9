package io.downline.user.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
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
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.downline.platform.events.CloudEventCodec;
import io.downline.platform.events.CloudEventHeaders;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Topics;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.Tokens;
import io.downline.platform.testing.bench.BenchFigures;
import io.downline.platform.testing.bench.CpuUsage;

/**
 * One batch of registrations through REST: {@code clients} threads each send the next request as soon as their
 * previous one is answered, while users.events.v1 is read until the member.registered event of every
 * successful registration has been seen.
 *
 * <p>The clients use Apache HttpClient's blocking connections (keep-alive, one per client thread): the JDK's
 * HttpClient hands every exchange between its selector and worker threads and cost about twice the CPU per
 * request, taken from the same two cores as the service.
 *
 * <p>The reader is deliberately lean ({@link EventLog#consumerAtEnd}, not an {@link EventLog}): it reads only the
 * CloudEvents headers and fetches in batches (up to 64 KiB or 100 ms), because it shares the two cores with the service it measures. Event contents and schemas are
 * checked by the contract tests (UserEventContractTest), not here.
 */
final class RegistrationLoad {

    private static final Logger LOG = Logger.getLogger(RegistrationLoad.class);
    private static final String REGISTERED = EventType.MEMBER_REGISTERED.type();

    private final URI endpoint;
    private final DataSource dataSource;
    private final int clients;

    RegistrationLoad(URI endpoint, DataSource dataSource, int clients) {
        this.endpoint = endpoint;
        this.dataSource = dataSource;
        this.clients = clients;
    }

    /** One registration: the person's token (signed beforehand, not timed) and the JSON body. */
    record Request(String token, String body) {
    }

    /** {@code count} registrations of new people, each under a sponsor drawn from {@code sponsorCodes[1..]}. */
    static List<Request> requests(int count, String prefix, List<String> sponsorCodes, SplittableRandom random) {
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = prefix + UUID.randomUUID();
            String sponsorCode = sponsorCodes.get(1 + random.nextInt(sponsorCodes.size() - 1));
            requests.add(new Request(Tokens.member(subject), body(subject, sponsorCode)));
        }
        return requests;
    }

    /** The registration body of the person who logs in as {@code subject}. */
    static String body(String subject, String referralCode) {
        return "{\"email\":\"" + subject + "@example.com\",\"name\":\"Bench " + subject.substring(subject.length() - 12)
                + "\",\"country\":\"US\",\"referralCode\":\"" + referralCode + "\"}";
    }

    /** What one batch gave. {@code end} stays -1 when the events were not all seen within three minutes. */
    static final class Run {
        final Set<String> registered = ConcurrentHashMap.newKeySet();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong lastResponse = new AtomicLong();
        final Recorder httpLatency = new Recorder(60_000_000L, 3);
        /** member id -> when the reader saw its member.registered, minus the event's ce_time (ms). */
        final Map<String, Long> seenAfterMillis = new HashMap<>();
        /** member id -> the record's broker timestamp minus the event's ce_time (ms): insert to producer send. */
        final Map<String, Long> sentAfterMillis = new HashMap<>();
        long start;
        long end = -1;
        Map<String, Object> cpu = Map.of();

        double seconds() {
            return end < 0 ? Double.NaN : (end - start) / 1e9;
        }

        double perSecond() {
            return end < 0 ? 0 : registered.size() / seconds();
        }

        Histogram seenLag() {
            return lagOf(seenAfterMillis);
        }

        Histogram sendLag() {
            return lagOf(sentAfterMillis);
        }

        private Histogram lagOf(Map<String, Long> millisById) {
            Histogram lag = BenchFigures.micros();
            millisById.forEach((id, millis) -> {
                if (registered.contains(id)) {
                    lag.recordValue(Math.max(1, Math.min(60_000_000L, millis * 1000)));
                }
            });
            return lag;
        }
    }

    Run run(List<Request> requests) throws Exception {
        Run run = new Run();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch clientsDone = new CountDownLatch(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (CloseableHttpClient http = HttpClients.custom().setMaxConnTotal(clients).setMaxConnPerRoute(clients)
                .disableCookieManagement().disableAutomaticRetries().build();
                KafkaConsumer<String, String> users = EventLog.consumerAtEnd(Topics.USERS, Map.of(
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100"))) {
            CpuUsage cpu = CpuUsage.start(dataSource);
            run.start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                            send(http, requests.get(i), run);
                        }
                    } finally {
                        clientsDone.countDown();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : users.poll(Duration.ofMillis(100))) {
                    Headers headers = record.headers();
                    if (REGISTERED.equals(CloudEventCodec.header(headers, CloudEventHeaders.TYPE))) {
                        String id = CloudEventCodec.header(headers, CloudEventHeaders.SUBJECT);
                        long time = Instant.parse(CloudEventCodec.header(headers, CloudEventHeaders.TIME)).toEpochMilli();
                        run.seenAfterMillis.putIfAbsent(id, now - time);
                        run.sentAfterMillis.putIfAbsent(id, record.timestamp() - time);
                    }
                }
                if (clientsDone.getCount() == 0 && run.seenAfterMillis.keySet().containsAll(run.registered)) {
                    run.end = System.nanoTime();
                    break;
                }
            }
            run.cpu = cpu.stop();
        } finally {
            pool.shutdownNow();
        }
        clientsDone.await(30, TimeUnit.SECONDS);
        return run;
    }

    private void send(CloseableHttpClient http, Request request, Run run) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + request.token());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
        long t = System.nanoTime();
        try (CloseableHttpResponse response = http.execute(post)) {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            run.httpLatency.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
            int status = response.getStatusLine().getStatusCode();
            if (status == 201) {
                run.registered.add(EventJson.mapper().readTree(body).get("id").asText());
            } else {
                run.failures.incrementAndGet();
                LOG.warnf("Registration answered %d: %s", status, body);
            }
        } catch (Exception e) {
            run.failures.incrementAndGet();
            LOG.warnf("Registration failed: %s", e.toString());
        }
        run.lastResponse.accumulateAndGet(System.nanoTime(), Math::max);
    }
}
