package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Award;
import io.downline.incentive.domain.FulfilmentStatus;
import io.downline.incentive.domain.RewardType;

@ApplicationScoped
public class AwardStore {

    private static final String COLUMNS = "id, program_id, member_id, level, reward_type, cash_amount, currency, item,"
            + " fulfilment_status, awarded_by, awarded_at, updated_at";

    private final Sql sql;

    public AwardStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(Award award) {
        sql.update("INSERT INTO award (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", award.id(),
                award.programId(), award.memberId(), (short) award.level(), award.rewardType(), award.cash(),
                award.currency(), award.item(), award.fulfilment(), award.awardedBy(), award.awardedAt(),
                award.updatedAt());
    }

    public List<Award> ofProgram(UUID programId, int page, int size) {
        return sql.query("SELECT " + COLUMNS + " FROM award WHERE program_id = ? ORDER BY awarded_at, member_id"
                + " LIMIT ? OFFSET ?", this::award, programId, size, (long) page * size);
    }

    public long count(UUID programId) {
        return sql.one("SELECT count(*) FROM award WHERE program_id = ?", row -> row.getLong(1), programId).orElse(0L);
    }

    public Optional<Award> lock(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM award WHERE id = ? FOR UPDATE", this::award, id);
    }

    public Optional<Award> ofMember(UUID programId, UUID memberId) {
        return sql.one("SELECT " + COLUMNS + " FROM award WHERE program_id = ? AND member_id = ?", this::award,
                programId, memberId);
    }

    public void updateFulfilment(UUID id, FulfilmentStatus status, Instant at) {
        sql.update("UPDATE award SET fulfilment_status = ?, updated_at = ? WHERE id = ?", status, at, id);
    }

    private Award award(ResultSet row) throws SQLException {
        return new Award(uuid(row, "id"), uuid(row, "program_id"), uuid(row, "member_id"), row.getShort("level"),
                RewardType.valueOf(row.getString("reward_type")), row.getBigDecimal("cash_amount"),
                row.getString("currency"), row.getString("item"),
                FulfilmentStatus.valueOf(row.getString("fulfilment_status")), row.getString("awarded_by"),
                instant(row, "awarded_at"), instant(row, "updated_at"));
    }
}
