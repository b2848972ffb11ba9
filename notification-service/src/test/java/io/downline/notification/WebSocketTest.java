package io.downline.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.downline.notification.support.Db;
import io.downline.notification.support.MailAndLoginTestResource;
import io.downline.notification.support.StalledClient;
import io.downline.notification.support.TestEvents;
import io.downline.notification.support.TestEvents.Member;
import io.downline.notification.support.WsClient;
import io.downline.notification.websocket.Rooms;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The WebSocket: handshake, rooms and their security, replay, bad frames, slow clients, live figures. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@WithTestResource(MailAndLoginTestResource.class)
class WebSocketTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    DataSource dataSource;

    @Inject
    Rooms rooms;

    Db db;
    Member member;

    @BeforeEach
    void member() {
        db = new Db(dataSource);
        member = TestEvents.register(null);
        awaitStream(member.room(), 1);
    }

    @Test
    void theHandshakeNeedsAValidToken() {
        assertThat(WsClient.refusedStatus(uri(null), null)).isEqualTo(401);
        assertThat(WsClient.refusedStatus(uri(null), Tokens.builder("x").roles(Roles.MEMBER).audience("other-api").sign()))
                .isEqualTo(401);
        assertThat(WsClient.refusedStatus(uri(null), Tokens.builder("x").roles(Roles.MEMBER)
                .lifetime(Duration.ofMinutes(-5)).sign())).isEqualTo(401);
    }

    @Test
    void aBrowserCarriesItsTokenInTheSubprotocol() {
        List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", URLEncoder.encode(
                        "quarkus-http-upgrade#Authorization#Bearer " + Tokens.member(member.subject()), StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .buildAsync(uri("after=0"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("bearer-token-carrier");
            await().atMost(Duration.ofSeconds(20)).until(() -> frames.stream().anyMatch(f -> f.contains("\"welcome\"")));
        } finally {
            socket.abort();
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderThenLiveWithoutGapOrDuplicate() {
        Member recruit1 = TestEvents.register(member.id());
        awaitStream(member.room(), 2);
        try (WsClient first = WsClient.connect(uri("after=0"), token(member))) {
            first.awaitFrame("live", member.room());
            assertThat(first.notifications(member.room())).extracting(f -> f.path("sequence").asLong())
                    .containsExactly(1L, 2L);
            assertThat(first.notifications(member.room())).allMatch(f -> f.path("replayed").asBoolean());
        }
        // While away: two more. Then reconnect after 2 while more keep coming.
        TestEvents.register(member.id());
        TestEvents.register(member.id());
        awaitStream(member.room(), 4);
        try (WsClient again = WsClient.connect(uri("after=2"), token(member))) {
            for (int i = 0; i < 3; i++) {
                TestEvents.register(member.id());
            }
            awaitStream(member.room(), 7);
            await().atMost(Duration.ofSeconds(20)).until(() -> again.notifications(member.room()).size() >= 5);
            assertThat(again.notifications(member.room())).extracting(f -> f.path("sequence").asLong())
                    .containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(again.frames("live")).hasSize(1);
        }
        assertThat(recruit1.id()).isNotNull();
    }

    @Test
    void roomsOnlyForThoseTheTokenAllows() {
        Member stranger = TestEvents.register(null);
        Member leader = TestEvents.register(null);
        UUID team = TestEvents.team(leader.id(), "Falcons", member.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> !db.strings(
                "SELECT 1 FROM team_member WHERE team_id = ? AND member_id = ?", team, member.id()).isEmpty());
        awaitStream(stranger.room(), 1);

        try (WsClient socket = WsClient.connect(uri(null), token(stranger))) {
            socket.awaitFrame("hello", stranger.room());
            socket.join(member.room(), 0L);
            assertThat(socket.awaitError("room-forbidden").path("room").asText()).isEqualTo(member.room());
            socket.join("team:" + team, 0L);
            socket.await(f -> "room-forbidden".equals(f.path("code").asText()) && f.path("room").asText().startsWith("team:"));
            socket.join("team:" + UUID.randomUUID(), null);
            socket.join("role:finance", null);
            socket.join("role:kyc-review", null);
            socket.join("analytics", null);
            socket.join("chat:everyone", null);
            socket.awaitError("unknown-room");
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.frames("error").size() == 7);
            assertThat(socket.notifications(member.room())).isEmpty();
            assertThat(socket.frames("joined")).extracting(f -> f.path("room").asText()).containsExactly(stranger.room());
        }
        try (WsClient teammate = WsClient.connect(uri(null), token(member))) {
            teammate.join("team:" + team, 0L);
            JsonNode added = teammate.await(f -> "team-member-added".equals(f.path("notificationType").asText()));
            assertThat(added.path("room").asText()).isEqualTo("team:" + team);
        }
    }

    @Test
    void staffJoinTheirRoleRooms() {
        UUID payout = UUID.randomUUID();
        try (WsClient finance = WsClient.connect(uri(null), Tokens.of("finance-1", Roles.FINANCE));
                WsClient officer = WsClient.connect(uri(null), Tokens.of("officer-1", Roles.KYC_OFFICER))) {
            finance.join("role:finance", null);
            finance.awaitFrame("live", "role:finance");
            officer.join("role:finance", null);
            officer.awaitError("room-forbidden");
            EventPublisher.publish(EventType.PAYOUT_REQUESTED, "payout-service", payout,
                    new PayoutRequested(payout, member.id(), Money.of("300.00", "USD"), 1, Instant.now()));
            JsonNode waiting = finance.await(f -> "payout-waiting".equals(f.path("notificationType").asText()));
            assertThat(waiting.path("data").path("payoutId").asText()).isEqualTo(payout.toString());
            assertThat(finance.frames("hello").get(0).path("memberId").isNull()).isTrue();
        }
    }

    @Test
    void badFramesGetAnErrorFrameAndOversizedOnesCloseTheSocket() {
        try (WsClient socket = WsClient.connect(uri(null), token(member))) {
            socket.awaitFrame("hello", member.room());
            socket.send("not json");
            socket.send("[1,2]");
            socket.send("{\"action\":\"dance\",\"room\":\"analytics\"}");
            socket.send("{\"action\":\"join\",\"room\":42}");
            socket.send("{\"action\":\"join\",\"room\":\"" + member.room() + "\",\"after\":-3}");
            socket.send("{\"action\":\"join\",\"room\":\"" + member.room() + "\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.frames("error").size() == 6);
            assertThat(socket.frames("error")).extracting(f -> f.path("code").asText()).containsExactly(
                    "malformed-frame", "malformed-frame", "unknown-action", "malformed-frame", "malformed-frame",
                    "already-joined");
            assertThat(socket.isClosed()).isFalse();

            socket.send("{\"action\":\"join\",\"room\":\"" + "x".repeat(5000) + "\"}");
            assertThat(socket.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aClientThatCannotKeepUpIsDisconnectedWithoutSlowingTheOthers() throws Exception {
        Member busy = TestEvents.register(null);
        awaitStream(busy.room(), 1);
        try (StalledClient slow = StalledClient.connect(base.getPort(), token(busy));
                WsClient fast = WsClient.connect(uri(null), token(busy))) {
            fast.awaitFrame("live", busy.room());
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms(busy.room()) == 2);
            int pushed = 3000;
            int batch = 50;
            String body = "y".repeat(6000);
            // Deliveries straight onto the replicas' channel, as stored notifications are announced (one per
            // payload: each is too big to share one), in batches
            // the fast client keeps up with (below the bound of 64 queued frames in tests); the paused client's
            // TCP buffers fill, its queue passes the bound and the server closes it.
            for (int from = 100; from < 100 + pushed; from += batch) {
                db.strings("SELECT count(pg_notify('notification_delivery', r || E'\\t' || s || E'\\t'"
                        + " || json_build_object('type', 'notification', 'room', r, 'sequence', s, 'id', gen_random_uuid(),"
                        + " 'notificationType', 'welcome', 'title', 't', 'body', ?::text, 'data', '{}'::json,"
                        + " 'createdAt', now(), 'replayed', false)::text))"
                        + " FROM generate_series(?, ?) s, (SELECT ?::text AS r) AS room", body, from, from + batch - 1,
                        busy.room());
                int expected = from - 100 + batch;
                await().atMost(Duration.ofSeconds(30)).until(() -> fast.notifications(busy.room()).size() == expected);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> fast.notifications(busy.room()).size() == pushed);
            // The server gave up on the stalled client (closed as too slow), the fast one is still served.
            await().atMost(Duration.ofSeconds(30)).until(() -> rooms(busy.room()) == 1);
            assertThat(fast.isClosed()).isFalse();
        }
    }

    @Test
    void theAnalyticsRoomGetsLiveFiguresAtMostOnceASecond() {
        try (WsClient admin = WsClient.connect(uri(null), Tokens.admin("admin-1"))) {
            admin.join("analytics", null);
            JsonNode first = admin.awaitFrame("figures", "analytics");
            BigDecimal sales = new BigDecimal(first.path("salesVolume").asText());
            UUID order = UUID.randomUUID();
            EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", order, new OrderCompleted(order, member.id(),
                    Money.of("25.00", "USD"), new BigDecimal("25.00"), Instant.now(), Instant.now()));
            JsonNode next = admin.await(f -> "figures".equals(f.path("type").asText())
                    && new BigDecimal(f.path("salesVolume").asText()).compareTo(sales.add(new BigDecimal("25.00"))) == 0);
            List<JsonNode> figures = admin.frames("figures");
            for (int i = 1; i < figures.size(); i++) {
                Duration gap = Duration.between(Instant.parse(figures.get(i - 1).path("at").asText()),
                        Instant.parse(figures.get(i).path("at").asText()));
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
            assertThat(next.path("signups").asLong()).isGreaterThanOrEqualTo(first.path("signups").asLong());
        }
    }

    private int rooms(String room) {
        return rooms.inRoom(room);
    }

    private void awaitStream(String room, long sequence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "SELECT 1 FROM notification WHERE stream = ? AND sequence = ?", room, sequence).size() == 1);
    }

    private URI uri(String query) {
        return WsClient.uri(base.getPort(), query);
    }

    private static String token(Member member) {
        return Tokens.member(member.subject());
    }
}
