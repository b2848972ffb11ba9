package io.downline.commission.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.commission.domain.Amounts;
import io.downline.commission.domain.Rank;
import io.downline.platform.events.EventJson;
import io.downline.platform.events.EventSchemas;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;

/**
 * The close's hand-written payloads against the shared mapper: the same bytes for every rank pair, edge and random
 * ids, amounts and instants, valid against the events' schemas; and the bulk event ids are random UUIDs of version
 * 4, in the database's order.
 */
class CloseEventJsonTest {

    private static final List<Instant> INSTANTS = List.of(Instant.parse("2025-07-01T01:00:00Z"),
            Instant.parse("2025-07-01T00:30:00.120Z"), Instant.parse("2031-12-31T23:59:59.123456789Z"),
            Instant.parse("2025-07-01T00:00:00.000001Z"));
    private static final long[] EDGE_HALVES = { 0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0000_0fff_0000_00ffL,
            0xf000_0000_0000_000fL };

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void rankChangedIsWhatTheSharedMapperWritesForEveryRankPairAndInstant() {
        for (Instant instant : INSTANTS) {
            CloseEventJson json = new CloseEventJson("2025-06", instant);
            for (Rank previous : Rank.values()) {
                for (Rank next : Rank.values()) {
                    for (UUID id : ids()) {
                        AsciiBuffer out = new AsciiBuffer(8);
                        json.rankChanged(out, id.getMostSignificantBits(), id.getLeastSignificantBits(), previous, next);
                        String expected = EventJson.write(new MemberRankChanged(id, previous.name(), next.name(),
                                "2025-06", instant));
                        assertThat(text(out)).isEqualTo(expected);
                        assertThat(EventSchemas.validate(EventType.MEMBER_RANK_CHANGED, text(out))).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void volumeUpdatedIsWhatTheSharedMapperWritesForEdgeAndRandomAmounts() {
        List<Long> amounts = new ArrayList<>(List.of(0L, 1L, 5L, 9L, 10L, 99L, 100L, 101L, 12_345L, 1_000_000L,
                99_999_999_999_99L, Long.MAX_VALUE, -1L, -5L, -150L, -12_345L));
        for (int i = 0; i < 2_000; i++) {
            amounts.add(random.nextLong(-1_000_000, 10_000_000_000L));
        }
        for (Instant instant : INSTANTS) {
            CloseEventJson json = new CloseEventJson("2025-12", instant);
            List<UUID> ids = ids();
            for (int i = 0; i < amounts.size(); i++) {
                UUID id = ids.get(i % ids.size());
                long pv = amounts.get(i);
                long gv = amounts.get(amounts.size() - 1 - i);
                AsciiBuffer out = new AsciiBuffer(8);
                json.volumeUpdated(out, id.getMostSignificantBits(), id.getLeastSignificantBits(), pv, gv);
                String expected = EventJson.write(new TeamVolumeUpdated(id, "2025-12", Amounts.ofCents(pv),
                        Amounts.ofCents(gv), instant));
                assertThat(text(out)).isEqualTo(expected);
                if (pv >= 0 && gv >= 0) {
                    assertThat(EventSchemas.validate(EventType.TEAM_VOLUME_UPDATED, text(out))).isEmpty();
                }
            }
        }
    }

    @Test
    void digitsAndUuidsAreWrittenAsJavaWritesThem() {
        AsciiBuffer out = new AsciiBuffer(1);
        StringBuilder expected = new StringBuilder();
        for (long value : new long[] { 0, 7, 10, -3, 1234567890123L, Long.MAX_VALUE, -Long.MAX_VALUE }) {
            out.digits(value).character(' ');
            expected.append(value).append(' ');
        }
        for (UUID id : ids()) {
            out.uuid(id.getMostSignificantBits(), id.getLeastSignificantBits()).character(' ');
            expected.append(id).append(' ');
        }
        assertThat(text(out)).isEqualTo(expected.toString());
    }

    @Test
    void eventIdsAreDistinctRandomUuidsOfVersionFourInPostgresOrder() {
        int count = 50_000;
        RandomIds ids = new RandomIds(count);
        Set<UUID> seen = new HashSet<>();
        String previousHigh = "";
        for (int i = 0; i < count; i++) {
            AsciiBuffer out = new AsciiBuffer(36);
            ids.next(out);
            UUID id = UUID.fromString(text(out));
            assertThat(id.toString()).isEqualTo(text(out));
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            // lower-case hexadecimal text sorts as PostgreSQL sorts uuids (bytes, unsigned); the high half is ordered
            String high = text(out).substring(0, 18);
            assertThat(high).isGreaterThanOrEqualTo(previousHigh);
            previousHigh = high;
            seen.add(id);
        }
        assertThat(seen).hasSize(count);
        assertThatThrownBy(() -> ids.next(new AsciiBuffer(36))).isInstanceOf(IllegalStateException.class);
    }

    private List<UUID> ids() {
        List<UUID> ids = new ArrayList<>();
        for (long high : EDGE_HALVES) {
            for (long low : EDGE_HALVES) {
                ids.add(new UUID(high, low));
            }
        }
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID());
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }

    private static String text(AsciiBuffer out) {
        return new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII);
    }
}
