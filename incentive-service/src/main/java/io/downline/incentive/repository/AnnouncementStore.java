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
     * Pending rows last announced before {@code announcedBefore} (or never), with their current figures, locked;
     * rows the engine is changing right now are skipped and taken next time.
     */
    public List<PendingAnnouncement> due(Instant announcedBefore, int limit) {
        return sql.query("""
                SELECT p.program_id, p.member_id, p.personal_volume, p.group_volume, p.new_sponsored, p.highest_rank,
                    p.kyc_approved, p.criteria_met, p.criteria_total, p.progress_percent
                FROM progress p
                WHERE p.announce_pending AND (p.announced_at IS NULL OR p.announced_at <= ?)
                ORDER BY p.announced_at NULLS FIRST
                LIMIT ? FOR UPDATE SKIP LOCKED""",
                row -> new PendingAnnouncement(uuid(row, "program_id"), uuid(row, "member_id"),
                        new Figures(row.getBigDecimal("personal_volume"), row.getBigDecimal("group_volume"),
                                row.getInt("new_sponsored"), Rank.valueOf(row.getString("highest_rank")),
                                row.getBoolean("kyc_approved")),
                        row.getShort("criteria_met"), row.getShort("criteria_total"),
                        row.getBigDecimal("progress_percent")),
                announcedBefore, limit);
    }

    public void announced(List<PendingAnnouncement> rows, Instant at) {
        sql.update("""
                UPDATE progress p SET announce_pending = false, announced_at = ?
                FROM unnest(?::uuid[], ?::uuid[]) AS k (program_id, member_id)
                WHERE p.program_id = k.program_id AND p.member_id = k.member_id""",
                at, array("uuid", rows.stream().map(PendingAnnouncement::programId).toList()),
                array("uuid", rows.stream().map(PendingAnnouncement::memberId).toList()));
    }

    public long pending() {
        return sql.one("SELECT count(*) FROM progress WHERE announce_pending", row -> row.getLong(1)).orElse(0L);
    }

    public boolean isPending(UUID programId, UUID memberId) {
        return sql.one("SELECT announce_pending FROM progress WHERE program_id = ? AND member_id = ?",
                row -> row.getBoolean(1), programId, memberId).orElse(false);
    }
}
