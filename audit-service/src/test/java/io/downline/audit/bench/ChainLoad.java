package io.downline.audit.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.ChainHash;
import io.downline.audit.domain.Hex;
import io.downline.audit.domain.NewEntry;
import io.downline.platform.testing.bench.CopyText;

/**
 * A long, valid chain appended after the current head through COPY: entries hashed exactly as the service hashes
 * them (the chain's arithmetic is the service's own code), so that verification has real work to do. Two in three
 * entries have one of {@code actors} actors; payloads are commission lines of about 250 bytes.
 */
final class ChainLoad {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSx")
            .withZone(ZoneOffset.UTC);
    private static final int ROWS_PER_COPY = 20_000;

    private ChainLoad() {
    }

    static String actor(long i, int actors) {
        return i % 3 == 0 ? null : "actor-" + (i % actors);
    }

    /** Appends {@code count} entries; returns the new head's sequence number. */
    static long append(Connection owner, long count, int actors) throws SQLException, IOException {
        long seq = 0;
        byte[] previous = ChainHash.GENESIS;
        try (ResultSet rs = owner.createStatement().executeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                previous = rs.getBytes(2);
            }
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        CopyText rows = new CopyText(ROWS_PER_COPY * 600);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        PGConnection pg = owner.unwrap(PGConnection.class);
        long end = seq + count;
        while (seq < end) {
            rows.clear();
            for (int i = 0; i < ROWS_PER_COPY && seq < end; i++) {
                long n = seq + 1;
                Instant at = start.plusMillis(n * 10);
                String member = new UUID(random.nextLong(), random.nextLong()).toString();
                String payload = "{\"amount\":{\"amount\":\"" + (n % 997) + ".50\",\"currency\":\"USD\"},\"beneficiaryId\":\""
                        + member + "\",\"level\":" + (1 + n % 5) + ",\"lineId\":\"" + new UUID(n, n)
                        + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"orderId\":\"" + new UUID(n, 7) + "\",\"rate\":\"0.10\"}";
                NewEntry event = new NewEntry(new UUID(random.nextLong(), n), "commission.earned", "commission-service",
                        member, actor(n, actors), at, Hex.of(new UUID(n, n).toString().getBytes()).substring(0, 32),
                        "urn:downline:events:commission.earned:v1", payload);
                AuditEntry entry = AuditEntry.append(n, previous, event, at.plusMillis(5));
                row(rows, entry);
                previous = entry.hash();
                seq = n;
            }
            CopyIn copy = pg.getCopyAPI().copyIn("COPY audit_entry (seq, event_id, type, source, subject, actor, "
                    + "occurred_at, recorded_at, trace_id, data_schema, payload, prev_hash, hash) FROM STDIN");
            copy.writeToCopy(rows.buffer(), 0, rows.length());
            copy.endCopy();
        }
        return seq;
    }

    private static void row(CopyText rows, AuditEntry e) {
        rows.number(e.seq()).tab().text(e.eventId().toString()).tab().text(e.type()).tab().text(e.source()).tab()
                .text(e.subject()).tab().text(e.actor() == null ? "\\N" : e.actor()).tab()
                .text(TIME.format(e.occurredAt())).tab().text(TIME.format(e.recordedAt())).tab()
                .text(e.traceId()).tab().text(e.dataSchema()).tab().text(e.payload()).tab()
                .text("\\\\x").text(Hex.of(e.prevHash())).tab().text("\\\\x").text(Hex.of(e.hash())).newline();
    }
}
