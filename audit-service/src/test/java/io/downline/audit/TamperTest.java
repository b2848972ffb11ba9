package io.downline.audit;

import static io.downline.audit.AuditEvents.awaitEntry;
import static io.downline.audit.AuditEvents.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.NewEntry;
import io.downline.audit.service.Checkpoints;
import io.downline.platform.events.Topics;
import io.downline.platform.security.Roles;
import io.downline.platform.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a database superuser could do with the trigger out of the way, and how verification sees it. Each test puts
 * the rows back as they were, so the chain is intact again for the other tests.
 */
@QuarkusTest
@WithTestResource(AuditTestResource.class)
class TamperTest {

    static final String AUDITOR = Tokens.of("auditor-1", Roles.AUDITOR);

    @Inject
    Checkpoints checkpoints;

    @Test
    void oneChangedPayloadByteIsNamedByVerification() throws SQLException {
        long seq = awaitEntry(send(Topics.PAYOUTS, "payout.approved", "payout-service", "p-" + UUID.randomUUID(),
                "{\"amount\":\"1000.00\",\"reviewer\":\"finance-1\"}"));
        awaitEntry(send(Topics.PAYOUTS, "payout.paid", "payout-service", "p-2", "{\"amount\":\"1000.00\"}"));
        String original = payload(seq);

        asSuperuser("UPDATE audit_entry SET payload = replace(payload, '1000.00', '9000.00') WHERE seq = " + seq);
        try {
            given().auth().oauth2(AUDITOR).when().get("/api/audit/verification")
                    .then().statusCode(200)
                    .body("status", equalTo("BROKEN"))
                    .body("headHash", nullValue())
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.reason", equalTo("HASH_MISMATCH"));
        } finally {
            restorePayload(seq, original);
        }
        given().auth().oauth2(AUDITOR).when().get("/api/audit/verification")
                .then().statusCode(200).body("status", equalTo("INTACT"));
    }

    @Test
    void aRewrittenChainStillMatchesItselfButNotItsSignedCheckpoint() throws SQLException {
        long seq = awaitEntry(send(Topics.INCENTIVES, "incentive.awarded", "incentive-service", "m-" + UUID.randomUUID(),
                "{\"awardedBy\":\"admin-1\",\"reward\":\"cruise\"}"));
        checkpoints.take().orElseThrow();
        List<AuditEntry> originals = entriesFrom(seq);

        rewriteFrom(originals, "{\"awardedBy\":\"admin-1\",\"reward\":\"nothing\"}");
        try {
            given().auth().oauth2(AUDITOR).when().get("/api/audit/verification")
                    .then().statusCode(200)
                    .body("status", equalTo("BROKEN"))
                    .body("firstBroken.reason", equalTo("CHECKPOINT_MISMATCH"))
                    .body("firstBroken.seq", greaterThanOrEqualTo((int) seq))
                    .body("firstBroken.detail", containsString("names head hash"));
        } finally {
            restore(originals);
        }
        given().auth().oauth2(AUDITOR).when().get("/api/audit/verification")
                .then().statusCode(200).body("status", equalTo("INTACT"))
                .body("checkpointsChecked", greaterThanOrEqualTo(1));
    }

    /** As a superuser would: with the append-only trigger disabled for the change (the owner may do that too). */
    private static void asSuperuser(String... statements) throws SQLException {
        try (Connection c = AuditEvents.owner()) {
            c.setAutoCommit(false);
            c.createStatement().execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            for (String sql : statements) {
                c.createStatement().execute(sql);
            }
            c.createStatement().execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            c.commit();
        }
    }

    private static String payload(long seq) throws SQLException {
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT payload FROM audit_entry WHERE seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void restorePayload(long seq, String payload) throws SQLException {
        try (Connection c = AuditEvents.owner()) {
            c.setAutoCommit(false);
            c.createStatement().execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            try (PreparedStatement update = c.prepareStatement("UPDATE audit_entry SET payload = ? WHERE seq = ?")) {
                update.setString(1, payload);
                update.setLong(2, seq);
                update.executeUpdate();
            }
            c.createStatement().execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            c.commit();
        }
    }

    private static List<AuditEntry> entriesFrom(long seq) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = AuditEvents.owner();
                ResultSet rs = c.createStatement().executeQuery("SELECT seq, event_id, type, source, subject, actor, "
                        + "occurred_at, recorded_at, trace_id, data_schema, payload, prev_hash, hash FROM audit_entry "
                        + "WHERE seq >= " + seq + " ORDER BY seq")) {
            while (rs.next()) {
                entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getBytes(12), rs.getBytes(13)));
            }
        }
        return entries;
    }

    /** Changes the first entry's payload and recomputes every hash after it: the chain is consistent again. */
    private static void rewriteFrom(List<AuditEntry> originals, String payload) throws SQLException {
        List<AuditEntry> rewritten = new ArrayList<>();
        byte[] previous = originals.get(0).prevHash();
        for (AuditEntry e : originals) {
            NewEntry event = new NewEntry(e.eventId(), e.type(), e.source(), e.subject(), e.actor(), e.occurredAt(),
                    e.traceId(), e.dataSchema(), rewritten.isEmpty() ? payload : e.payload());
            AuditEntry entry = AuditEntry.append(e.seq(), previous, event, e.recordedAt());
            rewritten.add(entry);
            previous = entry.hash();
        }
        restore(rewritten);
    }

    private static void restore(List<AuditEntry> entries) throws SQLException {
        try (Connection c = AuditEvents.owner()) {
            c.setAutoCommit(false);
            c.createStatement().execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            // the hash column is unique: move every row out of the way first
            c.createStatement().execute("UPDATE audit_entry SET hash = sha256(hash || 'x'::bytea) WHERE seq >= "
                    + entries.get(0).seq());
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE audit_entry SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (AuditEntry e : entries) {
                    update.setString(1, e.payload());
                    update.setBytes(2, e.prevHash());
                    update.setBytes(3, e.hash());
                    update.setLong(4, e.seq());
                    update.addBatch();
                }
                update.executeBatch();
            }
            c.createStatement().execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
            c.commit();
        }
    }
}
