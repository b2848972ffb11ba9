package io.downline.commission;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Members as user-service announces them (member.registered on the real broker, applied by the platform's member
 * projection), and sales recorded through the API. Each test builds its own tree under its own root.
 */
final class TestTree {

    static final String ADMIN = "admin-commission-tests";

    private final DataSource dataSource;

    TestTree(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A member registered under the sponsor (null: a root), with the status given, once the projection has them. */
    Member member(Member sponsor, String status) {
        UUID id = UUID.randomUUID();
        String subject = "sub-" + id;
        EventPublisher.publish(EventType.MEMBER_REGISTERED, "user-service", id, registration(id, subject,
                sponsor == null ? null : sponsor.id(), status));
        await().atMost(Duration.ofSeconds(20)).until(() -> known(id));
        return new Member(id, subject);
    }

    Member member(Member sponsor) {
        return member(sponsor, "ACTIVE");
    }

    static MemberRegistered registration(UUID id, String subject, UUID sponsorId, String status) {
        return new MemberRegistered(id, id + "@example.com", "Member " + id.toString().substring(0, 8), null, "US",
                "R" + id.toString().substring(0, 8).toUpperCase(), sponsorId, subject, status, Instant.parse("2026-01-01T00:00:00Z"));
    }

    boolean known(UUID id) throws SQLException {
        return count("SELECT count(*) FROM member_projection WHERE member_id = ?", id) == 1;
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    BigDecimal decimal(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getBigDecimal(1) : null;
            }
        }
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Records a sale through the API as an admin; returns the order id. */
    static UUID sale(Member seller, String cv, Instant completedAt) {
        UUID order = UUID.randomUUID();
        asAdmin().body(saleBody(order, seller.id(), cv, cv, "USD", completedAt))
                .post("/api/commissions/sales").then().statusCode(201);
        return order;
    }

    static Map<String, Object> saleBody(UUID order, UUID seller, String amount, String cv, String currency,
            Instant completedAt) {
        return Map.of("orderId", order.toString(), "memberId", seller.toString(), "amount", amount,
                "currency", currency, "commissionableVolume", cv, "completedAt", completedAt.toString());
    }

    static RequestSpecification asAdmin() {
        return as(Tokens.admin(ADMIN));
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A member of the test tree and the OIDC subject that logs in as them. */
    record Member(UUID id, String subject) {
        String token() {
            return Tokens.member(subject);
        }
    }
}
