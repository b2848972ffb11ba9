package io.downline.user;

import static io.downline.user.TeamResourceTest.addMember;
import static io.downline.user.TeamResourceTest.as;
import static io.downline.user.TeamResourceTest.createTeam;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.Topics;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventLog;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.LockWaits;
import io.downline.user.TestMembers.Registered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ProjectionConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String ON_TEAM_SALE_ORDER = "%team_sale_order%";

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String dbUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    private static ValidatableResponse team(UUID teamId) {
        return as(TestMembers.adminToken()).when().get("/api/teams/{id}", teamId).then().statusCode(200);
    }

    private static ValidatableResponse member(UUID memberId) {
        return as(TestMembers.adminToken()).when().get("/api/members/{id}", memberId).then().statusCode(200);
    }

    private static void eventually(Runnable assertion) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    private static EventEnvelope publish(EventType type, String source, Object subject, EventPayload payload) {
        return EventPublisher.publish(type, source, subject, payload);
    }

    private static OrderCompleted sale(UUID seller, String cv, Instant completedAt) {
        return new OrderCompleted(UUID.randomUUID(), seller, Money.of(cv, "USD"), new BigDecimal(cv), completedAt,
                Instant.now());
    }

    private static OrderRefunded refund(OrderCompleted sale, String cv) {
        return new OrderRefunded(sale.orderId(), UUID.randomUUID(), sale.memberId(), Money.of(cv, "USD"),
                new BigDecimal(cv), Instant.now());
    }

    private static EventEnvelope envelope(EventType type, String source, Object subject, EventPayload payload) {
        return EventEnvelope.of(type, source, subject.toString(), payload, null);
    }

    /** Waits until the user-service consumer has applied (or deliberately skipped) the event. */
    private void awaitProcessed(EventEnvelope event) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                        .setParameter(1, event.id())
                        .getSingleResult()).longValue() == 1));
    }

    @Test
    void teamSalesCountTheOrdersOfLeaderAndMembersOnceByTheOrdersMonth() {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        Registered member = TestMembers.registerActive(leader.referralCode());
        Registered outsider = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        UUID teamId = createTeam(leader.token(), "Sales team");
        addMember(leader.token(), teamId, member.id());
        Instant lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant();

        OrderCompleted memberSale = sale(member.id(), "100.00", Instant.now());
        EventEnvelope saleEvent = envelope(EventType.ORDER_COMPLETED, "shop", memberSale.orderId(), memberSale);
        OrderRefunded thirty = refund(memberSale, "30.00");
        EventEnvelope refundEvent = envelope(EventType.ORDER_REFUNDED, "shop", memberSale.orderId(), thirty);
        EventPublisher.send(Topics.ORDERS, saleEvent);
        EventPublisher.send(Topics.ORDERS, saleEvent);
        EventPublisher.send(Topics.ORDERS, refundEvent);
        EventPublisher.send(Topics.ORDERS, refundEvent);
        // The shop sends the same refund again under a new event id: it is still one refund.
        EventPublisher.send(Topics.ORDERS, envelope(EventType.ORDER_REFUNDED, "shop", memberSale.orderId(), thirty));
        publish(EventType.ORDER_REFUNDED, "shop", memberSale.orderId(), refund(memberSale, "0.50"));
        publish(EventType.ORDER_COMPLETED, "shop", UUID.randomUUID(), sale(leader.id(), "50.25", Instant.now()));
        publish(EventType.ORDER_COMPLETED, "shop", UUID.randomUUID(), sale(outsider.id(), "999.00", Instant.now()));
        OrderCompleted oldSale = sale(member.id(), "40.00", lastMonth);
        publish(EventType.ORDER_COMPLETED, "shop", oldSale.orderId(), oldSale);
        publish(EventType.ORDER_REFUNDED, "shop", oldSale.orderId(), refund(oldSale, "10.00"));

        // All events of one order share a key, so they are applied in the order sent: 100 - 30 - 0.50 + 50.25
        // is only ever reached when the redelivered sale and refund, and the refund re-sent, changed nothing.
        eventually(() -> team(teamId)
                .body("performance.salesVolume", equalTo("119.75"))
                .body("performance.lastPeriodSalesVolume", equalTo("30.00")));

        as(leader.token()).body(Map.of("volume", "200")).when().put("/api/teams/{id}/target", teamId)
                .then().statusCode(200)
                .body("performance.progressPercent", equalTo("59.88"));
    }

    @Test
    void salesCountForTheTeamsTheSellerWasInWhenTheOrderCompleted() {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        Registered member = TestMembers.registerActive(leader.referralCode());
        UUID firstTeam = createTeam(leader.token(), "Joined early");
        addMember(leader.token(), firstTeam, member.id());
        OrderCompleted sale = sale(member.id(), "80.00", Instant.now());
        publish(EventType.ORDER_COMPLETED, "shop", sale.orderId(), sale);
        eventually(() -> team(firstTeam).body("performance.salesVolume", equalTo("80.00")));

        UUID laterTeam = createTeam(leader.token(), "Joined late");
        addMember(leader.token(), laterTeam, member.id());
        publish(EventType.ORDER_REFUNDED, "shop", sale.orderId(), refund(sale, "20.00"));

        eventually(() -> team(firstTeam).body("performance.salesVolume", equalTo("60.00")));
        team(laterTeam).body("performance.salesVolume", equalTo("0.00"));
    }

    @Test
    void aPendingSellersFirstCompletedOrderActivatesThem() {
        Registered pending = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        Registered active = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        member(pending.id()).body("status", equalTo("PENDING"));

        try (EventLog users = EventLog.tail(Topics.USERS)) {
            OrderCompleted first = sale(pending.id(), "20.00", Instant.now());
            publish(EventType.ORDER_COMPLETED, "shop", first.orderId(), first);
            OrderCompleted second = sale(pending.id(), "20.00", Instant.now());
            publish(EventType.ORDER_COMPLETED, "shop", second.orderId(), second);
            OrderCompleted byActive = sale(active.id(), "20.00", Instant.now());
            EventEnvelope byActiveEvent = publish(EventType.ORDER_COMPLETED, "shop", byActive.orderId(), byActive);

            MemberActivated activated = users.await(EventType.MEMBER_ACTIVATED, pending.id())
                    .payload(MemberActivated.class);
            assertThat(activated.actor()).isEqualTo("system:first-order");
            member(pending.id()).body("status", equalTo("ACTIVE"));

            awaitProcessed(byActiveEvent);
            assertThat(users.drain(EventType.MEMBER_ACTIVATED,
                    e -> e.subject().equals(pending.id().toString()) || e.subject().equals(active.id().toString()),
                    Duration.ofSeconds(1)))
                    .as("one activation for the pending seller, none for the active one")
                    .hasSize(1);
        }
    }

    @Test
    void theKycBadgeShowsTheHighestApprovedLevel() {
        UUID memberId = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE).id();
        Instant basicExpiry = Instant.parse("2031-01-01T00:00:00Z");
        Instant fullExpiry = Instant.parse("2031-06-01T00:00:00Z");
        Instant now = Instant.now();
        UUID basicCase = UUID.randomUUID();
        UUID fullCase = UUID.randomUUID();

        UUID rejectedCase = UUID.randomUUID();
        publish(EventType.KYC_REJECTED, "kyc-service", rejectedCase,
                new KycRejected(rejectedCase, memberId, "BASIC", "officer", "blurry selfie", now));
        eventually(() -> member(memberId).body("kyc.status", equalTo("REJECTED")).body("kyc.level", nullValue()));

        publish(EventType.KYC_APPROVED, "kyc-service", basicCase,
                new KycApproved(basicCase, memberId, "BASIC", "officer", basicExpiry, now));
        eventually(() -> member(memberId).body("kyc.status", equalTo("APPROVED")).body("kyc.level", equalTo("BASIC"))
                .body("kyc.expiresAt", equalTo(basicExpiry.toString())));

        UUID rejectedFullCase = UUID.randomUUID();
        awaitProcessed(publish(EventType.KYC_REJECTED, "kyc-service", rejectedFullCase,
                new KycRejected(rejectedFullCase, memberId, "FULL", "officer", "no tax form", now)));
        member(memberId).body("kyc.status", equalTo("APPROVED")).body("kyc.level", equalTo("BASIC"));

        publish(EventType.KYC_APPROVED, "kyc-service", fullCase,
                new KycApproved(fullCase, memberId, "FULL", "officer", fullExpiry, now));
        eventually(() -> member(memberId).body("kyc.level", equalTo("FULL"))
                .body("kyc.expiresAt", equalTo(fullExpiry.toString())));

        UUID laterBasicCase = UUID.randomUUID();
        awaitProcessed(publish(EventType.KYC_APPROVED, "kyc-service", laterBasicCase,
                new KycApproved(laterBasicCase, memberId, "BASIC", "officer", Instant.parse("2032-01-01T00:00:00Z"), now)));
        awaitProcessed(publish(EventType.KYC_EXPIRED, "kyc-service", basicCase,
                new KycExpired(basicCase, memberId, "BASIC", now)));
        member(memberId).body("kyc.status", equalTo("APPROVED")).body("kyc.level", equalTo("FULL"))
                .body("kyc.expiresAt", equalTo(fullExpiry.toString()));

        publish(EventType.KYC_EXPIRED, "kyc-service", fullCase, new KycExpired(fullCase, memberId, "FULL", now));
        eventually(() -> member(memberId).body("kyc.status", equalTo("EXPIRED")).body("kyc.level", equalTo("FULL")));
    }

    @Test
    void anOldCasesExpiryAfterARenewedApprovalOfTheSameLevelLeavesTheBadgeApproved() {
        UUID memberId = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE).id();
        Instant now = Instant.now();
        UUID oldCase = UUID.randomUUID();
        UUID renewedCase = UUID.randomUUID();
        Instant renewedExpiry = Instant.parse("2032-03-01T00:00:00Z");
        publish(EventType.KYC_APPROVED, "kyc-service", oldCase,
                new KycApproved(oldCase, memberId, "BASIC", "officer", Instant.parse("2031-03-01T00:00:00Z"), now));
        publish(EventType.KYC_APPROVED, "kyc-service", renewedCase,
                new KycApproved(renewedCase, memberId, "BASIC", "officer", renewedExpiry, now));
        eventually(() -> member(memberId).body("kyc.expiresAt", equalTo(renewedExpiry.toString())));

        awaitProcessed(publish(EventType.KYC_EXPIRED, "kyc-service", oldCase,
                new KycExpired(oldCase, memberId, "BASIC", now)));
        member(memberId).body("kyc.status", equalTo("APPROVED")).body("kyc.level", equalTo("BASIC"))
                .body("kyc.expiresAt", equalTo(renewedExpiry.toString()));

        publish(EventType.KYC_EXPIRED, "kyc-service", renewedCase, new KycExpired(renewedCase, memberId, "BASIC", now));
        eventually(() -> member(memberId).body("kyc.status", equalTo("EXPIRED")));
    }

    @Test
    void eventsAboutAMemberNotKnownYetAreParkedNotSkippedNorDeadLettered() {
        UUID unknown = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        EventEnvelope approval = publish(EventType.KYC_APPROVED, "kyc-service", caseId,
                new KycApproved(caseId, unknown, "FULL", "officer", Instant.now(), Instant.now()));
        OrderCompleted sale = sale(unknown, "10.00", Instant.now());
        EventEnvelope saleEvent = publish(EventType.ORDER_COMPLETED, "shop", sale.orderId(), sale);

        awaitProcessed(approval);
        awaitProcessed(saleEvent);
        assertThat(count("SELECT count(*) FROM parked_event WHERE waits_for = ?1 AND event_id IN (?2, ?3)",
                "member:" + unknown, approval.id(), saleEvent.id())).isEqualTo(2);
        assertThat(registry.find("downline.consumer.parked").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    /**
     * The consumer's database connection is dropped again and again while orders arrive (a database restart):
     * the consumer holds its partition and retries; nothing is dead-lettered and every order counts once after.
     */
    @Test
    void ordersArrivingWhileTheDatabaseDropsTheConsumersConnectionsCountOnceAfterwards() throws Exception {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        UUID teamId = createTeam(leader.token(), "Outage team");
        double retriesBefore = metric("downline.consumer.retries");
        double deadLetteredBefore = metric("downline.consumer.dead.lettered");
        List<EventEnvelope> orders = new ArrayList<>();

        try (Connection lock = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE user_service.team_sale_order IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 4; i++) {
                OrderCompleted sale = sale(leader.id(), "10.00", Instant.now());
                orders.add(publish(EventType.ORDER_COMPLETED, "shop", sale.orderId(), sale));
            }
            int dropped = 0;
            for (int round = 0; round < 3; round++) {
                await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> waitingOnTheLock() > 0);
                dropped += terminateWaitingOnTheLock();
            }
            assertThat(dropped).isPositive();
            await().atMost(TIMEOUT).until(() -> metric("downline.consumer.retries") >= retriesBefore + 3);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'consumers' }.status", equalTo("DOWN"));
            lock.rollback();
        }

        orders.forEach(this::awaitProcessed);
        team(teamId).body("performance.salesVolume", equalTo("40.00"));
        assertThat(metric("downline.consumer.dead.lettered")).isEqualTo(deadLetteredBefore);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'consumers' }.status", equalTo("UP"));
    }

    private double metric(String name) {
        return registry.find(name).tag("consumer", "user-service:orders").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private int waitingOnTheLock() throws SQLException {
        try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            return LockWaits.count(admin, ON_TEAM_SALE_ORDER);
        }
    }

    private int terminateWaitingOnTheLock() throws SQLException {
        try (Connection admin = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            return LockWaits.terminate(admin, ON_TEAM_SALE_ORDER);
        }
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @Test
    void rankChangesShowOnTheMemberAndTheirTeams() {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        UUID teamId = createTeam(leader.token(), "Rank team");

        publish(EventType.MEMBER_RANK_CHANGED, "commission-service", leader.id(),
                new MemberRankChanged(leader.id(), "MEMBER", "SILVER", "2025-01", Instant.now()));

        eventually(() -> member(leader.id()).body("rank", equalTo("SILVER")));
        team(teamId).body("performance.leaderRank", equalTo("SILVER"));
    }

    @Test
    void theLeadersGroupVolumeAtTheLastCloseShowsOnTheirTeams() {
        Registered leader = TestMembers.registerActive(TestMembers.ROOT_REFERRAL_CODE);
        UUID first = createTeam(leader.token(), "Volume one");
        UUID second = createTeam(leader.token(), "Volume two");

        publish(EventType.TEAM_VOLUME_UPDATED, "commission-service", leader.id(),
                new TeamVolumeUpdated(leader.id(), "2025-02", new BigDecimal("80"), new BigDecimal("1234.5"), Instant.now()));
        eventually(() -> team(first).body("performance.lastCloseVolume", equalTo("1234.50"))
                .body("performance.lastClosePeriod", equalTo("2025-02")));
        team(second).body("performance.lastCloseVolume", equalTo("1234.50"));

        awaitProcessed(publish(EventType.TEAM_VOLUME_UPDATED, "commission-service", leader.id(),
                new TeamVolumeUpdated(leader.id(), "2025-01", new BigDecimal("10"), new BigDecimal("99"), Instant.now())));
        team(first).body("performance.lastCloseVolume", equalTo("1234.50"))
                .body("performance.lastClosePeriod", equalTo("2025-02"));

        publish(EventType.TEAM_VOLUME_UPDATED, "commission-service", leader.id(),
                new TeamVolumeUpdated(leader.id(), "2025-02", new BigDecimal("80"), new BigDecimal("1300"), Instant.now()));
        eventually(() -> team(first).body("performance.lastCloseVolume", equalTo("1300.00")));
    }
}
