package io.downline.audit.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.audit.domain.Checkpoint;

/** Signed checkpoints, append-only like the log. */
@ApplicationScoped
public class CheckpointRepository {

    private static final String COLUMNS = "entries, head_hash, signed_at, key_id, public_key, signature";

    private final DataSource dataSource;

    public CheckpointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** False when a checkpoint at this entry count exists already (another instance took it). */
    public boolean insert(Checkpoint checkpoint) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO audit_checkpoint (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entries) DO NOTHING")) {
            insert.setLong(1, checkpoint.entries());
            insert.setBytes(2, checkpoint.headHash());
            insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
            insert.setString(4, checkpoint.keyId());
            insert.setString(5, checkpoint.publicKey());
            insert.setString(6, checkpoint.signature());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RepositoryException("could not store a checkpoint", e);
        }
    }

    public Optional<Checkpoint> latest() {
        List<Checkpoint> latest = query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY entries DESC LIMIT 1");
        return latest.stream().findFirst();
    }

    /** Newest first, below {@code beforeEntries} when given. */
    public List<Checkpoint> newestFirst(Long beforeEntries, int limit) {
        return query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE entries < ? ORDER BY entries DESC LIMIT ?",
                beforeEntries == null ? Long.MAX_VALUE : beforeEntries, limit);
    }

    /** Checkpoints whose entry count lies in {@code from..to}, oldest first. */
    public List<Checkpoint> within(long from, long to) {
        return query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE entries BETWEEN ? AND ? ORDER BY entries",
                from, to);
    }

    private List<Checkpoint> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new Checkpoint(rs.getLong(1), rs.getBytes(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return checkpoints;
        } catch (SQLException e) {
            throw new RepositoryException("could not read checkpoints", e);
        }
    }
}
