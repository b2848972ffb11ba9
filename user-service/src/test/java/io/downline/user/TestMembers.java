package io.downline.user;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.downline.platform.testing.Tokens;
import io.restassured.http.ContentType;

/** Registers members through the real REST API, for tests that need a tree to work on. */
public final class TestMembers {

    /** Referral code of the root (company) member, created at start. */
    public static final String ROOT_REFERRAL_CODE = "DOWNLINE";
    /** Subject of a token with the admin role (not a member). */
    public static final String ADMIN_SUBJECT = "admin-subject";

    private TestMembers() {
    }

    public record Registered(UUID id, String referralCode, String subject, String token) {
    }

    public static String adminToken() {
        return Tokens.admin(ADMIN_SUBJECT);
    }

    /** Registers a new member (fresh subject and email) under the sponsor with the referral code. */
    public static Registered register(String sponsorReferralCode) {
        String subject = "sub-" + UUID.randomUUID();
        String token = Tokens.member(subject);
        Map<String, Object> body = Map.of(
                "email", subject + "@example.com",
                "name", "Member " + subject.substring(4, 12),
                "country", "US",
                "referralCode", sponsorReferralCode);
        var response = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/members")
                .then().statusCode(201)
                .extract();
        return new Registered(UUID.fromString(response.path("id")), response.path("referralCode"), subject, token);
    }

    /** Registers and activates a member (admin activation). */
    public static Registered registerActive(String sponsorReferralCode) {
        Registered member = register(sponsorReferralCode);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "test activation"))
                .when().post("/api/members/{id}/activate", member.id())
                .then().statusCode(200);
        return member;
    }
}
