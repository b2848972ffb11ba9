package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;
import static io.downline.incentive.repository.Sql.uuid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.PendingAnnouncement;
import io.downline.incentive.domain.Rank;

/** Progress rows whose change has not been announced yet ({@code announce_pending}). */
@ApplicationScoped
public class AnnouncementStore {

    private final Sql sql;

    public AnnouncementStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Takes the announcer's turn: true for one announcer at a time across instances, until the transaction ends.
     */
    public boolean claimTurn() {
        return sql.one("SELECT pg_try_advisory_xact_lock(hashtext('incentive-service:announcer'))",
                row -> row.getBoolean(1)).orElse(false);
    }

    /**
     * Pending rows last announced before {@code announcedBefore} (or never), with their current figures and version.
     * Not locked: the engine never waits for an announcement, and {@link #announced} keeps the mark of a row that
     * changed after this read.
     */
    public List<PendingAnnouncement> due(Instant announcedBefore, int limit) {
        return sql.query("""
                SELECT p.program_id, p.member_id, p.personal_volume, p.group_volume, p.new_sponsored, p.highest_rank,
                    p.kyc_approved, p.criteria_met, p.criteria_total, p.progress_percent, p.xmin::text AS version
                FROM progress p
                WHERE p.announce_pending AND (p.announced_at IS NULL OR p.announced_at <= ?)
                ORDER BY p.announced_at NULLS FIRST
                LIMIT ?""",
                row -> new PendingAnnouncement(uuid(row, "program_id"), uuid(row, "member_id"),
                        new Figures(row.getBigDecimal("personal_volume"), row.getBigDecimal("group_volume"),
                                row.getInt("new_sponsored"), Rank.valueOf(row.getString("highest_rank")),
                                row.getBoolean("kyc_approved")),
                        row.getShort("criteria_met"), row.getShort("criteria_total"),
                        row.getBigDecimal("progress_percent"), row.getString("version")),
                announcedBefore, limit);
    }

    /**
     * Records the announcement of the rows: each was announced now, and its mark is cleared unless the row changed
     * since it was read (then the newer figures are announced at the next turn). The rows are locked in key order
     * first, as the engine locks them, so that the two never deadlock.
     */
    public void announced(List<PendingAnnouncement> rows, Instant at) {
        Object[] keys = { array("uuid", rows.stream().map(PendingAnnouncement::programId).toList()),
            array("uuid", rows.stream().map(PendingAnnouncement::memberId).toList()) };
        sql.query("""
                SELECT 1 FROM progress WHERE (program_id, member_id) IN (SELECT * FROM unnest(?::uuid[], ?::uuid[]))
                ORDER BY program_id, member_id FOR NO KEY UPDATE""", row -> 1, keys);
        sql.update("""
                UPDATE progress p SET announced_at = ?, announce_pending = p.announce_pending AND p.xmin::text <> k.version
                FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS k (program_id, member_id, version)
                WHERE p.program_id = k.program_id AND p.member_id = k.member_id""",
                at, keys[0], keys[1], array("text", rows.stream().map(PendingAnnouncement::version).toList()));
    }

    public long pending() {
        return sql.one("SELECT count(*) FROM progress WHERE announce_pending", row -> row.getLong(1)).orElse(0L);
    }

    public boolean isPending(UUID programId, UUID memberId) {
        return sql.one("SELECT announce_pending FROM progress WHERE program_id = ? AND member_id = ?",
                row -> row.getBoolean(1), programId, memberId).orElse(false);
    }
}
