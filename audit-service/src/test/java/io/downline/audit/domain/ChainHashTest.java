package io.downline.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The chain's arithmetic, the README's test vector, and the hand-assembled canonical form against the RFC 8785 library. */
class ChainHashTest {

    static final String VECTOR_PAYLOAD = "{\"service\":\"user-service\",\"action\":\"member.suspend\",\"actor\":\"admin-1\","
            + "\"entityId\":\"7b0e4c1a-5d2f-4e3b-9a8c-1d2e3f4a5b6c\",\"after\":{\"status\":\"SUSPENDED\","
            + "\"note\":\"caf\u00e9 \\\"VIP\\\"\\n\"},\"amount\":\"1000.00\",\"score\":1e2}";
    static final String VECTOR_CANONICAL = "{\"actor\":\"admin-1\",\"dataSchema\":\"urn:downline:events:admin.action-performed:v1\","
            + "\"eventId\":\"3f1c2b9e-8a4d-4e6f-9b1a-2c3d4e5f6a7b\",\"occurredAt\":\"2026-05-10T09:00:00.123456Z\","
            + "\"payload\":{\"action\":\"member.suspend\",\"actor\":\"admin-1\",\"after\":{\"note\":\"caf\u00e9 \\\"VIP\\\"\\n\","
            + "\"status\":\"SUSPENDED\"},\"amount\":\"1000.00\",\"entityId\":\"7b0e4c1a-5d2f-4e3b-9a8c-1d2e3f4a5b6c\","
            + "\"score\":100,\"service\":\"user-service\"},\"recordedAt\":\"2026-05-10T09:00:00.250000Z\",\"seq\":1,"
            + "\"source\":\"user-service\",\"subject\":\"7b0e4c1a-5d2f-4e3b-9a8c-1d2e3f4a5b6c\","
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"type\":\"admin.action-performed\"}";
    static final String VECTOR_HASH = "5b4183095f727645916e9771a4d93b60d4ec851eb50aefaf1bb8081645be0096";

    static AuditEntry vector() {
        NewEntry event = new NewEntry(UUID.fromString("3f1c2b9e-8a4d-4e6f-9b1a-2c3d4e5f6a7b"), "admin.action-performed",
                "user-service", "7b0e4c1a-5d2f-4e3b-9a8c-1d2e3f4a5b6c", "admin-1",
                Instant.parse("2026-05-10T09:00:00.123456Z"), "4bf92f3577b34da6a3ce929d0e0e4736",
                "urn:downline:events:admin.action-performed:v1", Jcs.canonicalize(VECTOR_PAYLOAD));
        return AuditEntry.append(1, ChainHash.GENESIS, event, Instant.parse("2026-05-10T09:00:00.25Z"));
    }

    @Test
    void theReadmeTestVector() {
        AuditEntry entry = vector();

        assertThat(ChainHash.canonical(entry)).isEqualTo(VECTOR_CANONICAL);
        assertThat(Hex.of(entry.hash())).isEqualTo(VECTOR_HASH);
    }

    @Test
    void theAssembledFormIsWhatTheLibraryMakesOfTheWholeEntry() {
        String awkward = "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul-ish \u0001 \u001f del \u007f "
                + "\u00e9 \u20ac \ud83d\ude00 \u2028";
        NewEntry event = new NewEntry(UUID.randomUUID(), awkward, "svc", null, awkward, Instant.parse("2026-01-01T00:00:00Z"),
                null, null, Jcs.canonicalize("{\"z\":[1.50,-0,1e-7,1e21,{\"b\":true,\"a\":null}],\"" + "\u20ac\":\""
                        + "\\u00e9\",\"\ud83d\ude00\":1,\"\ufb33\":2}"));
        AuditEntry entry = AuditEntry.append(42, ChainHash.GENESIS, event, Instant.parse("2026-01-01T00:00:00.000001Z"));

        assertThat(Jcs.canonicalize(ChainHash.canonical(entry))).isEqualTo(ChainHash.canonical(entry));
        assertThat(entry.payload()).isEqualTo(
                "{\"z\":[1.5,0,1e-7,1e+21,{\"a\":null,\"b\":true}],\"\u20ac\":\"\u00e9\",\"\ud83d\ude00\":1,\"\ufb33\":2}");
    }

    @Test
    void anExportLineIsTheCanonicalFormWithItsTwoHashesInTheirSortedPlaces() {
        AuditEntry entry = vector();
        String line = ChainHash.exportLine(entry);

        assertThat(Jcs.canonicalize(line)).isEqualTo(line);
        assertThat(line.replace(",\"hash\":\"" + VECTOR_HASH + "\"", "")
                .replace(",\"prevHash\":\"" + "0".repeat(64) + "\"", "")).isEqualTo(VECTOR_CANONICAL);
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditEntry entry = vector();
        AuditEntry otherActor = new AuditEntry(entry.seq(), entry.eventId(), entry.type(), entry.source(),
                entry.subject(), "admin-2", entry.occurredAt(), entry.recordedAt(), entry.traceId(), entry.dataSchema(),
                entry.payload(), entry.prevHash(), entry.hash());
        AuditEntry otherPrevious = new AuditEntry(entry.seq(), entry.eventId(), entry.type(), entry.source(),
                entry.subject(), entry.actor(), entry.occurredAt(), entry.recordedAt(), entry.traceId(),
                entry.dataSchema(), entry.payload(), new byte[32], entry.hash());
        otherPrevious.prevHash()[31] = 1;

        assertThat(ChainHash.of(otherActor)).isNotEqualTo(entry.hash());
        assertThat(ChainHash.of(otherPrevious)).isNotEqualTo(entry.hash());
    }

    @Test
    void theHandWrittenTimeFormatIsThePattern() {
        java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant time = EntryTime.truncate(Instant.ofEpochSecond(
                    EntryTime.MIN.getEpochSecond() + (long) (random.nextDouble()
                            * (EntryTime.MAX.getEpochSecond() - EntryTime.MIN.getEpochSecond())), random.nextInt(1_000_000_000)));
            assertThat(EntryTime.format(time)).isEqualTo(pattern.format(time));
        }
        assertThat(EntryTime.format(EntryTime.MIN)).isEqualTo("0001-01-01T00:00:00.000000Z");
        assertThat(EntryTime.format(EntryTime.MAX)).isEqualTo("9999-12-31T23:59:59.999999Z");
    }

    @Test
    void timesAreWrittenWithSixDecimals() {
        assertThat(EntryTime.format(Instant.parse("2026-05-10T09:00:00Z"))).isEqualTo("2026-05-10T09:00:00.000000Z");
        assertThat(EntryTime.format(Instant.parse("2026-05-10T09:00:00.123456789Z")))
                .isEqualTo("2026-05-10T09:00:00.123456Z");
    }
}
