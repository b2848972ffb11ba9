package io.downline.incentive.repository;

import static io.downline.incentive.repository.Sql.array;
import static io.downline.incentive.repository.Sql.instant;
import static io.downline.incentive.repository.Sql.uuid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.Combine;
import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.Eligibility;
import io.downline.incentive.domain.Metric;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgramRules;
import io.downline.incentive.domain.ProgramStatus;
import io.downline.incentive.domain.PublishedWindow;
import io.downline.incentive.domain.Rank;
import io.downline.incentive.domain.Reward;
import io.downline.incentive.domain.RewardType;
import io.downline.incentive.domain.Tier;
import io.downline.incentive.domain.WinnerRule;
import io.downline.incentive.domain.Window;

/** Programs with their tiers, criteria and rewards. */
@ApplicationScoped
public class ProgramStore {

    private static final String COLUMNS = """
            id, name, description, status, start_date, end_date, time_zone, combine, minimum_rank, countries,
            joined_before, max_winners, winner_rule, created_by, created_at, published_at, closed_at, awarded_at,
            version""";

    private final Sql sql;

    public ProgramStore(Sql sql) {
        this.sql = sql;
    }

    public void insert(Program program) {
        ProgramRules rules = program.rules();
        sql.update("""
                INSERT INTO program (id, name, description, status, start_date, end_date, time_zone, starts_at, ends_at,
                    combine, minimum_rank, countries, joined_before, max_winners, winner_rule, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                program.id(), program.name(), program.description(), program.status(), rules.window().startDate(),
                rules.window().endDate(), rules.window().zone().getId(), rules.window().startsAt(),
                rules.window().endsAt(), rules.combine(), rules.eligibility().minimumRank(),
                array(rules.eligibility().countries().stream().sorted().toList()),
                rules.eligibility().joinedBefore(), rules.maxWinners(), rules.winnerRule(), program.createdBy(),
                program.createdAt());
        insertTiers(program.id(), rules.tiers());
    }

    /** Replaces a draft's name, description and rules; false when the version moved on meanwhile. */
    public boolean updateDraft(UUID id, String name, String description, ProgramRules rules, long version) {
        int updated = sql.update("""
                UPDATE program SET name = ?, description = ?, start_date = ?, end_date = ?, time_zone = ?,
                    starts_at = ?, ends_at = ?, combine = ?, minimum_rank = ?, countries = ?, joined_before = ?,
                    max_winners = ?, winner_rule = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = 'DRAFT'""",
                name, description, rules.window().startDate(), rules.window().endDate(), rules.window().zone().getId(),
                rules.window().startsAt(), rules.window().endsAt(), rules.combine(), rules.eligibility().minimumRank(),
                array(rules.eligibility().countries().stream().sorted().toList()),
                rules.eligibility().joinedBefore(), rules.maxWinners(), rules.winnerRule(), id, version);
        if (updated == 0) {
            return false;
        }
        sql.update("DELETE FROM tier WHERE program_id = ?", id);
        insertTiers(id, rules.tiers());
        return true;
    }

    /** Moves a program to its next status; false when the version moved on meanwhile. */
    public boolean publish(UUID id, long version, Instant at) {
        return sql.update("UPDATE program SET status = 'PUBLISHED', published_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'DRAFT'", at, id, version) == 1;
    }

    public boolean close(UUID id, long version, Instant at) {
        return sql.update("UPDATE program SET status = 'CLOSED', closed_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'PUBLISHED'", at, id, version) == 1;
    }

    public boolean markAwarded(UUID id, long version, Instant at) {
        return sql.update("UPDATE program SET awarded_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND status = 'CLOSED' AND awarded_at IS NULL", at, id, version) == 1;
    }

    public Optional<Program> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM program WHERE id = ?", this::program, id)
                .map(this::withTiers);
    }

    /**
     * The program's row locked until the transaction ends: the engine holds a share lock on the programs it counts
     * in, so a close waits for the events being applied and no event changes progress after it.
     */
    public Optional<Program> lock(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM program WHERE id = ? FOR UPDATE", this::program, id)
                .map(this::withTiers);
    }

    /** Programs in the given statuses, newest window first. */
    public List<Program> list(Set<ProgramStatus> statuses, int page, int size) {
        return sql.query("SELECT " + COLUMNS + " FROM program WHERE status = ANY (?)"
                + " ORDER BY starts_at DESC, id LIMIT ? OFFSET ?", this::program,
                array(statuses.stream().map(Enum::name).toList()), size, (long) page * size)
                .stream().map(this::withTiers).toList();
    }

    public long count(Set<ProgramStatus> statuses) {
        return sql.one("SELECT count(*) FROM program WHERE status = ANY (?)", row -> row.getLong(1),
                array(statuses.stream().map(Enum::name).toList())).orElse(0L);
    }

    /** Ids of the published programs counting events of this business time, share-locked (see {@link #lock}). */
    public List<UUID> publishedCounting(Instant businessTime) {
        return sql.query("SELECT id FROM program WHERE status = 'PUBLISHED' AND starts_at <= ? AND ends_at > ?"
                + " ORDER BY id FOR SHARE", row -> uuid(row, "id"), businessTime, businessTime);
    }

    /** Ids of the published programs whose window contains the time and that were published by {@code publishedBy}. */
    public List<UUID> publishedCounting(Instant businessTime, Instant publishedBy) {
        return sql.query("SELECT id FROM program WHERE status = 'PUBLISHED' AND starts_at <= ? AND ends_at > ?"
                + " AND published_at <= ? ORDER BY id FOR SHARE", row -> uuid(row, "id"), businessTime, businessTime,
                publishedBy);
    }

    /** The windows of all published programs, share-locked (see {@link #lock}), in id order. */
    public List<PublishedWindow> publishedWindows() {
        return sql.query("SELECT id, starts_at, ends_at, published_at FROM program WHERE status = 'PUBLISHED'"
                + " ORDER BY id FOR SHARE", row -> new PublishedWindow(uuid(row, "id"), instant(row, "starts_at"),
                        instant(row, "ends_at"), instant(row, "published_at")));
    }

    /** Ids of all published programs, share-locked. */
    public List<UUID> published() {
        return sql.query("SELECT id FROM program WHERE status = 'PUBLISHED' ORDER BY id FOR SHARE",
                row -> uuid(row, "id"));
    }

    private void insertTiers(UUID programId, List<Tier> tiers) {
        for (Tier tier : tiers) {
            sql.update("INSERT INTO tier (program_id, level, name, reward_type, cash_amount, item) VALUES (?, ?, ?, ?, ?, ?)",
                    programId, (short) tier.level(), tier.name(), tier.reward().type(), tier.reward().cash(),
                    tier.reward().item());
            for (Criterion criterion : tier.criteria()) {
                sql.update("INSERT INTO tier_criterion (program_id, level, metric, target, rank) VALUES (?, ?, ?, ?, ?)",
                        programId, (short) tier.level(), criterion.metric(), criterion.target(), criterion.rank());
            }
        }
    }

    private Program withTiers(Program bare) {
        Map<Integer, List<Criterion>> criteria = sql.query(
                "SELECT level, metric, target, rank FROM tier_criterion WHERE program_id = ? ORDER BY level, metric",
                row -> Map.entry((int) row.getShort("level"), new Criterion(Metric.valueOf(row.getString("metric")),
                        row.getBigDecimal("target"), rank(row.getString("rank")))),
                bare.id()).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Tier> tiers = sql.query("SELECT level, name, reward_type, cash_amount, item FROM tier WHERE program_id = ?"
                + " ORDER BY level", row -> {
                    int level = row.getShort("level");
                    BigDecimal cash = row.getBigDecimal("cash_amount");
                    Reward reward = RewardType.valueOf(row.getString("reward_type")) == RewardType.CASH ? Reward.cash(cash)
                            : Reward.item(row.getString("item"));
                    return new Tier(level, row.getString("name"), criteria.getOrDefault(level, List.of()), reward);
                }, bare.id());
        ProgramRules rules = bare.rules();
        return new Program(bare.id(), bare.name(), bare.description(), bare.status(),
                new ProgramRules(rules.window(), rules.eligibility(), rules.combine(), tiers, rules.maxWinners(),
                        rules.winnerRule()),
                bare.createdBy(), bare.createdAt(), bare.publishedAt(), bare.closedAt(), bare.awardedAt(),
                bare.version());
    }

    private Program program(ResultSet row) throws SQLException {
        Window window = new Window(row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
                ZoneId.of(row.getString("time_zone")));
        Set<String> countries = new HashSet<>(Arrays.asList((String[]) row.getArray("countries").getArray()));
        Eligibility eligibility = new Eligibility(rank(row.getString("minimum_rank")), countries,
                row.getObject("joined_before", LocalDate.class));
        Integer maxWinners = (Integer) row.getObject("max_winners");
        ProgramRules rules = new ProgramRules(window, eligibility, Combine.valueOf(row.getString("combine")), List.of(),
                maxWinners, WinnerRule.valueOf(row.getString("winner_rule")));
        return new Program(uuid(row, "id"), row.getString("name"), row.getString("description"),
                ProgramStatus.valueOf(row.getString("status")), rules, row.getString("created_by"),
                instant(row, "created_at"), instant(row, "published_at"), instant(row, "closed_at"),
                instant(row, "awarded_at"), row.getLong("version"));
    }

    private static Rank rank(String name) {
        return name == null ? null : Rank.valueOf(name);
    }
}
