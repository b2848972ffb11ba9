package io.downline.audit.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGStatement;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.AuditFilter;
import io.downline.platform.jdbc.SqlArrays;

/**
 * The log table, in plain JDBC: appends go in batches and reads stream with a cursor, which Hibernate would only
 * slow down. Every method runs inside the caller's transaction (the pool hands back the connection enlisted in it).
 */
@ApplicationScoped
public class AuditLogRepository {

    /** The advisory lock that makes appends one writer at a time, across every instance ("AUDITLOG" in ASCII). */
    static final long CHAIN_LOCK = 0x41554449544c4f47L;

    private static final String COLUMNS = "seq, event_id, type, source, subject, actor, occurred_at, recorded_at, "
            + "trace_id, data_schema, payload, prev_hash, hash";
    private static final int STREAM_FETCH = 5_000;

    private final DataSource dataSource;

    public AuditLogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The chain's head after waiting for every other writer: held until the transaction ends. */
    public Optional<Head> lockHead() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            return head(c);
        } catch (SQLException e) {
            throw new RepositoryException("could not lock the chain's head", e);
        }
    }

    public Optional<Head> head() {
        try (Connection c = dataSource.getConnection()) {
            return head(c);
        } catch (SQLException e) {
            throw new RepositoryException("could not read the chain's head", e);
        }
    }

    private static Optional<Head> head(Connection c) throws SQLException {
        try (PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
                ResultSet rs = head.executeQuery()) {
            return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
        }
    }

    /** Which of these event ids the log holds already. */
    public Set<UUID> existing(Collection<UUID> eventIds) {
        Set<UUID> found = new HashSet<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT event_id FROM audit_entry WHERE event_id = ANY (?)")) {
            SqlArrays.bind(query, 1, eventIds);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new RepositoryException("could not look up event ids", e);
        }
    }

    public void insert(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                insert.setLong(1, e.seq());
                insert.setObject(2, e.eventId());
                insert.setString(3, e.type());
                insert.setString(4, e.source());
                insert.setString(5, e.subject());
                insert.setString(6, e.actor());
                insert.setObject(7, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                insert.setObject(8, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                insert.setString(9, e.traceId());
                insert.setString(10, e.dataSchema());
                insert.setString(11, e.payload());
                insert.setBytes(12, e.prevHash());
                insert.setBytes(13, e.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new RepositoryException("could not append " + entries.size() + " entries", e);
        }
    }

    public Optional<AuditEntry> find(long seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RepositoryException("could not read entry " + seq, e);
        }
    }

    /** Matching entries below {@code beforeSeq} (all when null), newest first. */
    public List<AuditEntry> newestFirst(AuditFilter filter, Long beforeSeq, int limit) {
        Where where = Where.of(filter);
        if (beforeSeq != null) {
            where.and("seq < ?", beforeSeq);
        }
        String sql = "SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY seq DESC LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            where.bind(query);
            List<AuditEntry> entries = new ArrayList<>(limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new RepositoryException("could not query the log", e);
        }
    }

    /**
     * Streams matching entries oldest first through a server-side cursor (the caller's transaction keeps it open),
     * until {@code sink} returns false; returns how many it was given.
     */
    public long stream(AuditFilter filter, Predicate<AuditEntry> sink) {
        Where where = Where.of(filter);
        String sql = "SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setFetchSize(STREAM_FETCH);
            // binary transfer from the first execution: timestamps, uuids and hashes without text parsing
            query.unwrap(PGStatement.class).setPrepareThreshold(-1);
            where.bind(query);
            long given = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    given++;
                    if (!sink.test(entry(rs))) {
                        break;
                    }
                }
            }
            return given;
        } catch (SQLException e) {
            throw new RepositoryException("could not read the log", e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getBytes(12), rs.getBytes(13));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    /** The chain's last entry. */
    public record Head(long seq, byte[] hash) {
    }

    /** A WHERE clause and its parameters, built from a filter. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        static Where of(AuditFilter f) {
            Where where = new Where();
            where.andIf(f.actor(), "actor = ?");
            where.andIf(f.subject(), "subject = ?");
            where.andIf(f.type(), "type = ?");
            where.andIf(f.source(), "source = ?");
            where.andIf(f.from() == null ? null : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC), "occurred_at >= ?");
            where.andIf(f.to() == null ? null : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC), "occurred_at < ?");
            where.andIf(f.fromSeq(), "seq >= ?");
            where.andIf(f.toSeq(), "seq <= ?");
            return where;
        }

        void andIf(Object value, String condition) {
            if (value != null) {
                and(condition, value);
            }
        }

        void and(String condition, Object value) {
            sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
            params.add(value);
        }

        String sql() {
            return sql.toString();
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
        }
    }
}
