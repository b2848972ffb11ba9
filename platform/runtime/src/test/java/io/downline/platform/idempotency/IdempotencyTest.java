package io.downline.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.testapp.WidgetGate;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.TestClock;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Idempotency-Key support on a real endpoint that creates widgets, with real tokens and PostgreSQL. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class IdempotencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WidgetGate gate;
    @Inject
    IdempotencyWaits waits;
    @Inject
    IdempotencyPurge purge;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/test/widgets")
    URI widgets;

    @AfterEach
    void reset() {
        gate.open();
        clock.reset();
    }

    @Test
    void hundredConcurrentRequestsWithOneKeyRunOnceAndAllGetTheSameAnswer() {
        String name = unique("race");
        HttpRequest request = post(widgets, Tokens.member("idem-race"), UUID.randomUUID().toString(), name);
        gate.close();

        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 100)
                .mapToObj(i -> HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        // The overlap is proven: the first request is held inside the endpoint while the 99 others wait for it.
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.entered() == 1 && waits.waiting() == 99);
        gate.open();
        List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.get(0).body());
        assertThat(responses).extracting(r -> r.headers().firstValue("Location").orElseThrow())
                .containsOnly(responses.get(0).headers().firstValue("Location").orElseThrow());
        assertThat(responses).extracting(r -> r.headers().firstValue("Content-Type").orElseThrow())
                .containsOnly("application/json");
        assertThat(json(responses.get(0)).get("name").asText()).isEqualTo(name);
        assertThat(gate.entered()).isEqualTo(1);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRepeatGetsTheStoredResponseWithoutRunningAgain() {
        String name = unique("repeat");
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-repeat");
        HttpResponse<String> first = send(post(widgets, token, key, name));
        HttpResponse<String> repeat = send(post(widgets, token, "\"" + key + "\"", name)); // the draft's structured-field form

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-reuse");
        String other = unique("other");
        assertThat(send(post(widgets, token, key, unique("first"))).statusCode()).isEqualTo(201);

        HttpResponse<String> reused = send(post(widgets, token, key, other));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(reused).get("type").asText()).isEqualTo("urn:downline:problem:idempotency-key-reused");
        assertThat(widgetsNamed(other)).isZero();
    }

    @Test
    void aRequiredKeyThatIsMissingIs400() {
        String name = unique("nokey");
        HttpResponse<String> refused = send(post(widgets, Tokens.member("idem-nokey"), null, name));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:downline:problem:idempotency-key-missing");
        assertThat(widgetsNamed(name)).isZero();
    }

    @Test
    void anOptionalKeyMayBeLeftOut() {
        String name = unique("optional");
        HttpResponse<String> created = send(post(widgets.resolve("/test/widgets/optional-key"),
                Tokens.member("idem-optional"), null, name));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String name = unique("scoped");
        HttpResponse<String> ada = send(post(widgets, Tokens.member("idem-ada"), key, name));
        HttpResponse<String> bob = send(post(widgets, Tokens.member("idem-bob"), key, name));

        assertThat(ada.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(json(bob).get("id")).isNotEqualTo(json(ada).get("id"));
        assertThat(widgetsNamed(name)).isEqualTo(2);
    }

    @Test
    void aFailedFirstRequestReleasesItsKey() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-fail");
        assertThat(send(post(widgets, token, key, unique("fail"))).statusCode()).isEqualTo(500);
        assertThat(keysStored(key)).isZero();

        String name = unique("after-failure");
        assertThat(send(post(widgets, token, key, name)).statusCode()).isEqualTo(201);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void theKeyIsClaimedInTheRequestsTransactionAndCommittedWithItsEffect() {
        String key = UUID.randomUUID().toString();
        String name = unique("one-commit");
        gate.close();
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(post(widgets, Tokens.member("idem-commit"), key,
                name), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.entered() == 1);

        assertThat(keysStored(key)).as("the claim is not committed while the request runs").isZero();
        gate.open();
        assertThat(first.join().statusCode()).isEqualTo(201);
        assertThat(keysStored(key)).isEqualTo(1);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRefusalThrownByTheEndpointRollsBackItsEffectAndIsStoredUnderTheKey() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-refused");
        String name = unique("refuse");
        gate.close();
        gate.open();
        HttpResponse<String> refused = send(post(widgets, token, key, name));
        HttpResponse<String> repeat = send(post(widgets, token, key, name));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:downline:problem:business-rule");
        assertThat(widgetsNamed(name)).as("the widget written before the refusal rolled back").isZero();
        assertThat(keysStored(key)).isEqualTo(1);
        assertThat(repeat.statusCode()).isEqualTo(422);
        assertThat(repeat.body()).isEqualTo(refused.body());
        assertThat(gate.entered()).as("the repeat got the stored refusal without running").isEqualTo(1);
    }

    @Test
    void aRepeatOfARequestThatRunsLongerThanTheWaitIs409() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-slow");
        String name = unique("slow");
        gate.close();
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(post(widgets, token, key, name),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.entered() == 1);

        HttpResponse<String> repeat = send(post(widgets, token, key, name));

        assertThat(gate.entered()).as("the first request was still held when the repeat was answered").isEqualTo(1);
        assertThat(first).isNotDone();
        assertThat(repeat.statusCode()).isEqualTo(409);
        assertThat(json(repeat).get("type").asText()).isEqualTo("urn:downline:problem:idempotency-key-in-progress");
        gate.open();
        assertThat(first.join().statusCode()).isEqualTo(201);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void keysExpireAfterTheRetentionAndArePurged() {
        String key = UUID.randomUUID().toString();
        String token = Tokens.member("idem-expiry");
        String later = unique("later");
        assertThat(send(post(widgets, token, key, unique("earlier"))).statusCode()).isEqualTo(201);
        assertThat(send(post(widgets, token, key, later)).statusCode()).isEqualTo(422);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        purge.purge();

        assertThat(keysStored(key)).isZero();
        assertThat(send(post(widgets, token, key, later)).statusCode()).isEqualTo(201);
        assertThat(widgetsNamed(later)).isEqualTo(1);
    }

    private static HttpRequest post(URI uri, String token, String key, String name) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"));
        if (key != null) {
            builder.header(Idempotent.HEADER, key);
        }
        return builder.timeout(Duration.ofSeconds(60)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long widgetsNamed(String name) {
        return count("SELECT count(*) FROM widget WHERE name = ?", name);
    }

    private long keysStored(String key) {
        return count("SELECT count(*) FROM idempotency_key WHERE key = ?", key);
    }

    private long count(String sql, String parameter) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
