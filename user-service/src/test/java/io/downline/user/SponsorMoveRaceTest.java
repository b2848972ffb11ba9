package io.downline.user;

import static io.downline.user.TreeChecks.assertTreeConsistent;
import static io.downline.user.TreeChecks.awaitBlocked;
import static io.downline.user.TreeChecks.awaitBlockedCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.user.TestMembers.Registered;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A registration deep under X and a move of X, really overlapping. The tree, fresh under the root:
 *
 * <pre>
 * x ── y ── s        p
 * </pre>
 *
 * x moves under p while someone registers under s. The test holds a lock that one request needs, proves from
 * pg_stat_activity that both requests are waiting at the same time, then lets go.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SponsorMoveRaceTest {

    @Inject
    AgroalDataSource dataSource;

    private Registered x;
    private Registered y;
    private Registered s;
    private Registered p;

    @BeforeEach
    void buildTree() {
        x = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
        y = TestMembers.register(x.referralCode());
        s = TestMembers.register(y.referralCode());
        p = TestMembers.register(TestMembers.ROOT_REFERRAL_CODE);
    }

    @AfterEach
    void treeIsStillConsistent() {
        assertTreeConsistent();
    }

    @Test
    void aMoveThatStartsWhileARegistrationBelowIsInFlightMovesTheNewMemberToo() throws SQLException {
        CompletableFuture<Registered> registration;
        CompletableFuture<Integer> move;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            // Holding off every outbox insert parks the registration after it has share-locked s and inserted the
            // new member (with s's path as it is now), just before it commits.
            execute(held, "LOCK TABLE outbox IN SHARE MODE");
            registration = CompletableFuture.supplyAsync(() -> TestMembers.register(s.referralCode()));
            awaitBlocked(dataSource, "%INSERT INTO outbox%");

            move = CompletableFuture.supplyAsync(() -> moveStatus(x.id(), p.id()));
            awaitBlocked(dataSource, "%path_ids(d.path)%");
            assertThat(registration).isNotDone();
            assertThat(move).isNotDone();
            held.rollback();
        }
        Registered n = registration.join();
        assertThat(move.join()).isEqualTo(200);

        assertNewMemberFollowedTheMove(n);
    }

    @Test
    void aRegistrationBelowAMoveInFlightWaitsForTheMoveAndLandsUnderTheNewSponsor() throws SQLException {
        CompletableFuture<Integer> move;
        CompletableFuture<Registered> registration;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            // Holding the new sponsor's row parks the move after it has locked x's subtree.
            execute(held, "SELECT 1 FROM member WHERE id = '" + p.id() + "' FOR UPDATE");
            move = CompletableFuture.supplyAsync(() -> moveStatus(x.id(), p.id()));
            awaitBlocked(dataSource, "%for share%");

            registration = CompletableFuture.supplyAsync(() -> TestMembers.register(s.referralCode()));
            awaitBlockedCount(dataSource, 2);
            assertThat(move).isNotDone();
            assertThat(registration).isNotDone();
            held.commit();
        }
        assertThat(move.join()).isEqualTo(200);
        Registered n = registration.join();

        assertNewMemberFollowedTheMove(n);
    }

    private void assertNewMemberFollowedTheMove(Registered n) {
        assertTreeConsistent();
        List<String> upline = given().auth().oauth2(n.token()).get("/api/members/{id}/upline", n.id())
                .then().statusCode(200).extract().path("id");
        assertThat(upline).startsWith(s.id().toString(), y.id().toString(), x.id().toString(), p.id().toString());
        assertThat(upline).hasSize(5); // s, y, x, p and the root
        given().auth().oauth2(p.token()).get("/api/members/{id}/downline/levels", p.id())
                .then().statusCode(200).body("levels.members", equalTo(List.of(1, 1, 1, 1)));
        given().auth().oauth2(p.token()).get("/api/members/{id}/downline/count", p.id())
                .then().statusCode(200).body("members", equalTo(4));
        List<String> rootDownlineOfX = given().auth().oauth2(TestMembers.adminToken())
                .get("/api/members/{id}/upline", x.id()).then().statusCode(200).extract().path("id");
        assertThat(rootDownlineOfX).startsWith(p.id().toString());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static int moveStatus(UUID member, UUID newSponsor) {
        return given().auth().oauth2(TestMembers.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("newSponsorId", newSponsor.toString(), "reason", "race"))
                .put("/api/members/{id}/sponsor", member)
                .then().extract().statusCode();
    }
}
