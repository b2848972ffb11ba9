package io.downline.incentive;

import static io.downline.incentive.Fixtures.ADMIN;
import static io.downline.incentive.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.incentive.Fixtures.Member;
import io.downline.incentive.service.LeaderboardFloors;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.testing.DownlineTestResource;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The leaderboard's top comes from {@code leaderboard_top}, the eligible rows at or above the program's floor, kept by
 * the engine with every change: each page (every size, from one line to more than take part) must equal the order
 * and positions computed from every progress row, through ties, a refund taking a member out of the listed rows, a
 * suspension, the floor raised and lowered, and the close. The scheduled run moves every published program's floor.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class LeaderboardTopTest {

    @Inject
    TestClock clock;

    @Inject
    LeaderboardFloors floors;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyPageEqualsTheOrderOfAllProgressThroughTiesRefundsSuspensionFloorMovesAndTheClose() throws SQLException {
        UUID program = Fixtures.published(Fixtures.program("Top sprint " + UUID.randomUUID()));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(Fixtures.known(null));
        }
        sell(program, members.get(0), "1200.00"); // Silver: 200
        UUID refunded = sell(program, members.get(1), "300.00"); // 60
        clock.advance(Duration.ofSeconds(1));
        sell(program, members.get(2), "300.00"); // 60, reached later: listed after members[1]
        sell(program, members.get(3), "200.00"); // 40
        clock.freezeAt(clock.instant().plusSeconds(1));
        sell(program, members.get(4), "100.00"); // 20, at the same instant as members[5]: by member id
        sell(program, members.get(5), "100.00");
        clock.reset();
        assertPagesExact(program);
        assertThat(listed(program)).hasSize(6); // floor 0: every eligible member is listed

        // More than 5 listed: raised to the highest score with 3 members at or above it, 60 (200, 60, 60).
        assertThat(floors.adjust(program, 3, 2, 5)).isTrue();
        assertThat(floor(program)).isEqualByComparingTo("60");
        assertThat(listed(program)).isEqualTo(ids(members, 0, 1, 2));
        assertThat(floors.adjust(program, 3, 2, 5)).isFalse();
        assertPagesExact(program);

        // A refund takes members[1] below the floor: out of the listed rows; pages larger than the listed rows are
        // still exact (read from all progress until the floor is lowered).
        Fixtures.refund(refunded, members.get(1).id(), "250.00");
        EngineFlowTest.awaitPersonalVolume(program, members.get(1), "50.00");
        assertThat(listed(program)).isEqualTo(ids(members, 0, 2));
        assertPagesExact(program);

        // Fewer listed than a page of 3: lowered to 40 (200, 60, 40).
        assertThat(floors.adjust(program, 3, 3, 5)).isTrue();
        assertThat(floor(program)).isEqualByComparingTo("40");
        assertThat(listed(program)).isEqualTo(ids(members, 0, 2, 3));
        assertPagesExact(program);

        // members[3] ties members[0] at the top (reached later), then members[0] is suspended: no longer eligible.
        sell(program, members.get(3), "1000.00");
        assertPagesExact(program);
        EventPublisher.publish(EventType.MEMBER_SUSPENDED, "user-service", members.get(0).id(),
                new MemberSuspended(members.get(0).id(), "test", "admin", clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !listed(program).contains(members.get(0).id()));
        assertThat(listed(program)).isEqualTo(ids(members, 2, 3));
        assertPagesExact(program);

        // Closed: nothing moves the floor any more, and the pages stay those of the close.
        clock.advance(Duration.ofDays(3));
        as(ADMIN).post("/api/incentives/programs/{id}/close", program).then().statusCode(200);
        assertThat(floors.adjust(program, 1, 5, 5)).isFalse();
        assertThat(floor(program)).isEqualByComparingTo("40");
        assertPagesExact(program);
    }

    @Test
    void theScheduledRunMovesEveryPublishedProgramsFloorWithinTheConfiguredBounds() throws SQLException {
        List<UUID> programs = List.of(Fixtures.published(Fixtures.program("Floors " + UUID.randomUUID())),
                Fixtures.published(Fixtures.program("Floors " + UUID.randomUUID())));
        Map<Member, String> sales = Map.of(Fixtures.known(null), "1200.00", Fixtures.known(null), "300.00",
                Fixtures.known(null), "100.00"); // scores 200, 60 and 20 in each program
        sales.forEach((member, volume) -> Fixtures.sale(member.id(), volume, clock.instant()));
        for (UUID program : programs) {
            sales.forEach((member, volume) -> EngineFlowTest.awaitPersonalVolume(program, member, volume));
            assertThat(floors.adjust(program, 1, 1, 1)).isTrue();
            assertThat(floor(program)).isEqualByComparingTo("200");
            assertThat(listed(program)).hasSize(1);
        }

        // Fewer listed than max-size (100), fewer members than candidates (1000): lowered to 0, every one listed.
        floors.scheduled();

        for (UUID program : programs) {
            assertThat(floor(program)).isEqualByComparingTo("0");
            assertThat(listed(program)).isEqualTo(sales.keySet().stream().map(Member::id).collect(Collectors.toSet()));
            assertThat(listedIsExact(program)).isTrue();
        }
    }

    private UUID sell(UUID program, Member member, String volume) {
        BigDecimal before = new BigDecimal(as(ADMIN).get("/api/incentives/programs/{id}/progress/{m}", program,
                member.id()).then().statusCode(200).extract().<String>path("figures.personalVolume"));
        UUID order = Fixtures.sale(member.id(), volume, clock.instant());
        EngineFlowTest.awaitPersonalVolume(program, member, before.add(new BigDecimal(volume)).toPlainString());
        return order;
    }

    /** Every page size from 1 to one more than the participants, as read by staff, against all progress rows. */
    private void assertPagesExact(UUID program) throws SQLException {
        List<String> all = expected(program);
        assertThat(all).isNotEmpty();
        for (int size = 1; size <= all.size() + 1; size++) {
            JsonPath page = as(ADMIN).get("/api/incentives/programs/{id}/leaderboard?size={n}", program, size)
                    .then().statusCode(200).extract().jsonPath();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < page.getList("top").size(); i++) {
                lines.add(page.getString("top[" + i + "].memberId") + "@" + page.getInt("top[" + i + "].position")
                        + ":" + page.getString("top[" + i + "].score"));
            }
            assertThat(lines).as("page of %d", size).isEqualTo(all.subList(0, Math.min(size, all.size())));
            assertThat(page.getLong("participants")).isEqualTo(all.size());
        }
        assertThat(listedIsExact(program)).isTrue();
    }

    /** The order of every eligible progress row: score, then who reached it first, then member id. */
    private List<String> expected(UUID program) throws SQLException {
        return query("""
                SELECT member_id || '@' || rank() OVER (ORDER BY score DESC) || ':' || score FROM progress
                WHERE program_id = ? AND eligible ORDER BY score DESC, score_since, member_id""", program);
    }

    /** The listed rows are exactly the eligible rows at or above the floor, with their current figures. */
    private boolean listedIsExact(UUID program) throws SQLException {
        return query("""
                SELECT count(*) = 0 FROM (
                    (SELECT member_id, score, score_since, tier_reached, progress_percent FROM leaderboard_top
                     WHERE program_id = ?1
                     EXCEPT SELECT p.member_id, p.score, p.score_since, p.tier_reached, p.progress_percent
                     FROM progress p JOIN program g ON g.id = p.program_id
                     WHERE p.program_id = ?1 AND p.eligible AND p.score >= g.leaderboard_floor)
                    UNION ALL
                    (SELECT p.member_id, p.score, p.score_since, p.tier_reached, p.progress_percent
                     FROM progress p JOIN program g ON g.id = p.program_id
                     WHERE p.program_id = ?1 AND p.eligible AND p.score >= g.leaderboard_floor
                     EXCEPT SELECT member_id, score, score_since, tier_reached, progress_percent FROM leaderboard_top
                     WHERE program_id = ?1)) AS difference""".replace("?1", "'" + program + "'::uuid"))
                .get(0).equals("t");
    }

    private Set<UUID> listed(UUID program) throws SQLException {
        return query("SELECT member_id FROM leaderboard_top WHERE program_id = ?", program).stream()
                .map(UUID::fromString).collect(Collectors.toSet());
    }

    private BigDecimal floor(UUID program) throws SQLException {
        return new BigDecimal(query("SELECT leaderboard_floor FROM program WHERE id = ?", program).get(0));
    }

    private static Set<UUID> ids(List<Member> members, int... indexes) {
        Set<UUID> ids = new HashSet<>();
        for (int index : indexes) {
            ids.add(members.get(index).id());
        }
        return ids;
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
