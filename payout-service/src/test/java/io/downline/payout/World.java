package io.downline.payout;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReleased;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds what the tests need the way the other services would: members, KYC and commissions as events. */
public final class World {

    public static final String ADMIN = Tokens.admin("admin-subject");
    public static final String AUDITOR = Tokens.of("auditor-subject", "auditor");
    public static final String FINANCE_1 = Tokens.of("finance-1", "finance");
    public static final String FINANCE_2 = Tokens.of("finance-2", "finance");
    public static final String IBAN = "DE89370400440532013000";

    private World() {
    }

    public record Member(UUID id, String subject, String token) {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A new active member, known to the service through users.events.v1. */
    public static Member member() {
        UUID id = UUID.randomUUID();
        String subject = "sub-" + id;
        EventPublisher.publish(EventType.MEMBER_REGISTERED, "user-service", id, new MemberRegistered(id,
                subject + "@example.com", "Member " + id.toString().substring(0, 8), null, "DE", "R" + id.toString()
                        .substring(0, 8), UUID.randomUUID(), subject, "ACTIVE", Instant.now()));
        Member member = new Member(id, subject, Tokens.member(subject));
        await().atMost(Duration.ofSeconds(20)).until(() -> queryLong(
                "SELECT count(*) FROM member_projection WHERE member_id = ?", id) == 1);
        return member;
    }

    /** An approved FULL KYC case for the member, valid for a year; returns the case id. */
    public static UUID fullKyc(Member member) {
        return kyc(member, "FULL", Instant.now().plus(365, ChronoUnit.DAYS));
    }

    public static UUID kyc(Member member, String level, Instant expiresAt) {
        UUID caseId = UUID.randomUUID();
        EventPublisher.publish(EventType.KYC_APPROVED, "kyc-service", caseId,
                new KycApproved(caseId, member.id(), level, "officer-1", expiresAt, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> queryLong(
                "SELECT count(*) FROM kyc_case WHERE case_id = ? AND status = 'APPROVED'", caseId) == 1);
        return caseId;
    }

    /** Earned then released commission of the amount: it lands in the available balance. Returns the line id. */
    public static UUID credit(Member member, String amount) {
        UUID lineId = UUID.randomUUID();
        BigDecimal before = available(member.id());
        earned(member.id(), lineId, amount);
        released(member.id(), lineId, amount);
        BigDecimal expected = before.add(new BigDecimal(amount));
        await().atMost(Duration.ofSeconds(20)).until(() -> available(member.id()).compareTo(expected) == 0);
        return lineId;
    }

    public static EventEnvelope earned(UUID memberId, UUID lineId, String amount) {
        return earned(memberId, lineId, amount, "USD");
    }

    public static EventEnvelope earned(UUID memberId, UUID lineId, String amount, String currency) {
        return EventPublisher.publish(EventType.COMMISSION_EARNED, "commission-service", memberId,
                new CommissionEarned(lineId, UUID.randomUUID(), memberId, UUID.randomUUID(), 1, new BigDecimal("0.10"),
                        new BigDecimal(amount).multiply(BigDecimal.TEN), Money.of(amount, currency), "MEMBER",
                        "2026-11", 1, Instant.now().plus(14, ChronoUnit.DAYS), Instant.now()));
    }

    public static EventEnvelope released(UUID memberId, UUID lineId, String amount) {
        return EventPublisher.publish(EventType.COMMISSION_RELEASED, "commission-service", memberId,
                new CommissionReleased(lineId, UUID.randomUUID(), memberId, usd(amount), Instant.now()));
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** An IBAN payout method of the member; returns its id. */
    public static UUID ibanMethod(Member member) {
        return UUID.fromString(as(member.token())
                .body(Map.of("type", "IBAN", "holderName", "Holder " + member.id().toString().substring(0, 8),
                        "iban", "DE89 3704 0044 0532 0130 00"))
                .post("/api/payouts/methods").then().statusCode(201).extract().path("id"));
    }

    /** A member with a FULL KYC, the balance available and an IBAN method. */
    public static Payable payable(String balance) {
        Member member = member();
        fullKyc(member);
        UUID line = credit(member, balance);
        return new Payable(member, ibanMethod(member), line);
    }

    /** @param creditLine the commission line that brought the balance */
    public record Payable(Member member, UUID methodId, UUID creditLine) {
    }

    /** POST /api/payouts with a fresh Idempotency-Key; returns the response for the caller to check. */
    public static io.restassured.response.Response requestPayout(Payable payable, String amount) {
        return as(payable.member().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", amount, "methodId", payable.methodId().toString()))
                .post("/api/payouts");
    }

    public static BigDecimal available(UUID memberId) {
        return balance(memberId, "available");
    }

    /** A balance column of the member's wallet row (zero without one). */
    public static BigDecimal balance(UUID memberId, String column) {
        List<Object[]> rows = query("SELECT " + column + " FROM wallet WHERE member_id = ?", memberId);
        return rows.isEmpty() ? BigDecimal.ZERO.setScale(2) : (BigDecimal) rows.get(0)[0];
    }

    public static long queryLong(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0)[0]).longValue();
    }

    public static List<Object[]> query(String sql, Object... parameters) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
