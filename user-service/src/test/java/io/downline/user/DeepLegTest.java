package io.downline.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.user.TestMembers.Registered;
import io.downline.user.rest.GenealogyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A leg far deeper than any plan pays stays usable: inserts, upline, downline and counts all work. (With a
 * GiST index on the ltree path, inserts failed from depth 128 to about 330.)
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class DeepLegTest {

    private static final int DEPTH = 600;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @AfterEach
    void treeIsStillConsistent() {
        TreeChecks.assertTreeConsistent();
    }

    @Test
    void aLegOfSixHundredLevelsWorks() throws SQLException {
        Registered top = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        UUID bottom = chainBelow(top.id(), DEPTH);

        List<Object> upline = given().auth().oauth2(TestMembers.adminToken())
                .get("/api/members/{id}/upline", bottom).then().statusCode(200).extract().path("id");
        assertThat(upline).hasSize(DEPTH + 1); // the chain above it, top, and the root
        assertThat(upline.get(DEPTH - 1)).isEqualTo(top.id().toString());

        given().auth().oauth2(top.token()).get("/api/members/{id}/downline/count", top.id())
                .then().statusCode(200).body("members", equalTo(DEPTH));
        // Level counts and pages stop at the API's depth cap, however deep the leg goes.
        given().auth().oauth2(top.token()).queryParam("maxDepth", GenealogyResource.MAX_DEPTH)
                .get("/api/members/{id}/downline/levels", top.id())
                .then().statusCode(200).body("total", equalTo(GenealogyResource.MAX_DEPTH));
        given().auth().oauth2(top.token()).queryParam("maxDepth", GenealogyResource.MAX_DEPTH)
                .queryParam("limit", GenealogyResource.MAX_LIMIT)
                .get("/api/members/{id}/downline", top.id())
                .then().statusCode(200).body("items.size()", equalTo(GenealogyResource.MAX_DEPTH))
                .body("next", nullValue());
        given().auth().oauth2(top.token()).queryParam("maxDepth", 400)
                .get("/api/members/{id}/downline/levels", top.id())
                .then().statusCode(400);
        // A new member can still join at the very bottom.
        String bottomCode = referralCode(bottom);
        Registered deeper = TestMembers.register(bottomCode);
        given().auth().oauth2(deeper.token()).get("/api/members/{id}/upline", deeper.id())
                .then().statusCode(200).body("size()", equalTo(DEPTH + 2));
    }

    /** Inserts a chain of members under the sponsor, each sponsoring the next; returns the deepest. */
    private UUID chainBelow(UUID sponsor, int depth) throws SQLException {
        UUID previous = sponsor;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO member (id, email, name, country, referral_code, sponsor_id, status,
                                            registered_at, updated_at)
                        VALUES (?, ?, ?, 'US', ?, ?, 'ACTIVE', ?, ?)""")) {
            for (int level = 1; level <= depth; level++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, id + "@deep.example");
                insert.setString(3, "Deep " + level);
                insert.setString(4, "D" + id.toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT));
                insert.setObject(5, previous);
                insert.setObject(6, java.sql.Timestamp.from(clock.instant()));
                insert.setObject(7, java.sql.Timestamp.from(clock.instant()));
                insert.executeUpdate();
                previous = id;
            }
        }
        return previous;
    }

    private String referralCode(UUID member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT referral_code FROM member WHERE id = ?")) {
            query.setObject(1, member);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
