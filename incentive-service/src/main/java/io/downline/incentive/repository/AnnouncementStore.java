package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;
import static io.downline.incentive.repository.Sql.uuid;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.PendingAnnouncement;
import io.downline.incentive.domain.ProgressKey;
import io.downline.incentive.domain.Rank;

/**
 * Progress rows whose change has not been announced yet: {@code progress_announcement}, kept apart from the progress
 * row so that marking and clearing never write the (large, indexed) progress table. A row's version is its progress
 * row's {@code xmin}, which changes with every write of the engine.
 */
@ApplicationScoped
public class AnnouncementStore {

    private final Sql sql;

    public AnnouncementStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Marks the progress rows changed in this transaction as waiting for an announcement, in key order (the order
     * the announcer locks them in). A row already waiting is only locked: its progress row's new version is what
     * tells the announcer it changed again.
     */
    public void mark(List<ProgressKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        sql.update("""
                INSERT INTO progress_announcement AS a (program_id, member_id, pending)
                SELECT k.program_id, k.member_id, true FROM unnest(?::uuid[], ?::uuid[]) AS k (program_id, member_id)
                ORDER BY k.member_id, k.program_id
                ON CONFLICT (program_id, member_id) DO UPDATE SET pending = true WHERE NOT a.pending""",
                array(keys.stream().map(ProgressKey::programId).toList()),
                array(keys.stream().map(ProgressKey::memberId).toList()));
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
                FROM progress_announcement a
                JOIN progress p ON p.program_id = a.program_id AND p.member_id = a.member_id
                WHERE a.pending AND (a.announced_at IS NULL OR a.announced_at <= ?)
                ORDER BY a.announced_at NULLS FIRST
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
     * Records the announcement of the rows: each was announced now, and its mark is cleared unless its progress row
     * changed since it was read (then the newer figures are announced at the next turn). The marks are locked in key
     * order first, as the engine takes them: an engine transaction that marked one of them is waited for, so that
     * the comparison, in the next statement, sees its change.
     */
    public void announced(List<PendingAnnouncement> rows, Instant at) {
        Object[] keys = { array(rows.stream().map(PendingAnnouncement::programId).toList()),
            array(rows.stream().map(PendingAnnouncement::memberId).toList()) };
        sql.query("""
                SELECT 1 FROM progress_announcement
                WHERE (program_id, member_id) IN (SELECT * FROM unnest(?::uuid[], ?::uuid[]))
                ORDER BY member_id, program_id FOR UPDATE""", row -> 1, keys);
        sql.update("""
                UPDATE progress_announcement a SET announced_at = ?,
                    pending = a.pending AND p.xmin::text <> k.version
                FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS k (program_id, member_id, version), progress p
                WHERE a.program_id = k.program_id AND a.member_id = k.member_id
                    AND p.program_id = k.program_id AND p.member_id = k.member_id""",
                at, keys[0], keys[1], array(rows.stream().map(PendingAnnouncement::version).toList()));
    }

    /**
     * Forgets marks announced before {@code announcedBefore} and not pending since: the interval they enforced has
     * passed. Skips marks the engine holds at the moment (they are pending again, or will be).
     */
    public int forget(Instant announcedBefore, int limit) {
        return sql.update("""
                DELETE FROM progress_announcement WHERE (program_id, member_id) IN (
                    SELECT program_id, member_id FROM progress_announcement
                    WHERE NOT pending AND announced_at <= ?
                    ORDER BY announced_at LIMIT ? FOR UPDATE SKIP LOCKED)""", announcedBefore, limit);
    }
}
