package io.downline.incentive;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Members, sales and programs for the tests, through the real broker and the real API. */
final class Fixtures {

    static final String ADMIN = Tokens.admin("admin-incentives");

    /** A member known to the service (through users.events.v1), with a token of their own. */
    record Member(UUID id, String subject, String token) {
    }

    private Fixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static Member member(String country, UUID sponsorId, String status) {
        UUID id = UUID.randomUUID();
        String subject = "sub-" + id;
        EventPublisher.publish(EventType.MEMBER_REGISTERED, "user-service", id, new MemberRegistered(id,
                id + "@example.com", "Member " + id.toString().substring(0, 8), null, country, "R" + id.toString()
                        .substring(0, 8), sponsorId, subject, status, Instant.now()));
        return new Member(id, subject, Tokens.member(subject));
    }

    /** Registers an active member and waits until the projection knows them. */
    static Member known(UUID sponsorId) {
        Member member = member("US", sponsorId, "ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> as(member.token()).get("/api/incentives/programs")
                .statusCode() == 200);
        return member;
    }

    static void activate(UUID memberId) {
        EventPublisher.publish(EventType.MEMBER_ACTIVATED, "user-service", memberId,
                new MemberActivated(memberId, "system:first-order", Instant.now()));
    }

    static UUID sale(UUID sellerId, String volume, Instant completedAt) {
        return saleWithId(UUID.randomUUID(), sellerId, volume, completedAt);
    }

    static UUID saleWithId(UUID orderId, UUID sellerId, String volume, Instant completedAt) {
        EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", orderId, new OrderCompleted(orderId, sellerId,
                Money.of(volume, "USD"), new BigDecimal(volume), completedAt, Instant.now()));
        return orderId;
    }

    /** Returns the refund event's id. */
    static UUID refund(UUID orderId, UUID sellerId, String volume) {
        return EventPublisher.publish(EventType.ORDER_REFUNDED, "shop", orderId, new OrderRefunded(orderId, UUID.randomUUID(),
                sellerId, Money.of(volume, "USD"), new BigDecimal(volume), Instant.now())).id();
    }

    /** Returns the sale event's id. */
    static UUID saleEvent(UUID sellerId, String volume, Instant completedAt) {
        UUID orderId = UUID.randomUUID();
        return EventPublisher.publish(EventType.ORDER_COMPLETED, "shop", orderId, new OrderCompleted(orderId, sellerId,
                Money.of(volume, "USD"), new BigDecimal(volume), completedAt, Instant.now())).id();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Bronze: PV 500; Silver: PV 1000 (cash), a window from yesterday to tomorrow in UTC. */
    static Map<String, Object> program(String name) {
        return program(name, today().minusDays(1), today().plusDays(1), "UTC", null);
    }

    static Map<String, Object> program(String name, LocalDate start, LocalDate end, String zone, Integer maxWinners) {
        Map<String, Object> bronze = Map.of("name", "Bronze", "criteria",
                List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "500")),
                "reward", Map.of("type", "CASH", "cash", "100.00"));
        Map<String, Object> silver = Map.of("name", "Silver", "criteria",
                List.of(Map.of("metric", "PERSONAL_VOLUME", "target", "1000")),
                "reward", Map.of("type", "ITEM", "item", "Weekend in Porto for two"));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "startDate", start.toString(),
                "endDate", end.toString(), "timeZone", zone, "tiers", List.of(bronze, silver)));
        if (maxWinners != null) {
            body.put("maxWinners", maxWinners);
        }
        return body;
    }

    static UUID create(Map<String, Object> body) {
        return UUID.fromString(as(ADMIN).body(body).post("/api/incentives/programs").then().statusCode(201)
                .extract().path("id"));
    }

    static UUID published(Map<String, Object> body) {
        UUID id = create(body);
        as(ADMIN).post("/api/incentives/programs/{id}/publish", id).then().statusCode(200);
        return id;
    }
}
