package io.downline.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code idempotency_key} table, in plain JDBC on the pool's connection: inside a transaction the claim and
 * the stored response join it (the request's business transaction), outside one each statement commits alone.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final ObjectMapper json;

    public IdempotencyStore(AgroalDataSource dataSource, Clock clock, IdempotencyConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.json = json;
    }

    /**
     * Claims the key in the transaction of the request about to run: true when it is this request's (new, or
     * expired and taken over), false when another request holds it, finished or still running. The row is
     * inserted only under a transaction-scoped advisory lock on the key, so a repeat never blocks on the first
     * request's uncommitted row: it finds the lock taken, gives up its transaction and waits outside one.
     */
    boolean claim(String caller, String key, String fingerprint) {
        Instant now = clock.instant();
        String sql = """
                INSERT INTO idempotency_key (caller, key, fingerprint, created_at)
                SELECT ?, ?, ?, ? WHERE pg_try_advisory_xact_lock(hashtextextended(current_schema() || ' ' || ? || ' ' || ?, 0))
                ON CONFLICT (caller, key) DO UPDATE
                    SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
                        status = NULL, headers = NULL, body = NULL, completed_at = NULL
                    WHERE idempotency_key.created_at < ?
                RETURNING caller""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, caller);
            statement.setString(2, key);
            statement.setString(3, fingerprint);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setString(5, caller);
            statement.setString(6, key);
            statement.setTimestamp(7, Timestamp.from(expiredBefore(now)));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim an idempotency key", e);
        }
    }

    /** The key's state if another request holds it and it has not expired; empty when it is free. */
    Optional<KeyState> find(String caller, String key) {
        String sql = "SELECT fingerprint, status, headers, body FROM idempotency_key "
                + "WHERE caller = ? AND key = ? AND created_at >= ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, caller);
            statement.setString(2, key);
            statement.setTimestamp(3, Timestamp.from(expiredBefore(clock.instant())));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int status = rs.getInt("status");
                Optional<StoredResponse> response = rs.wasNull() ? Optional.empty()
                        : Optional.of(new StoredResponse(status, json.readValue(rs.getString("headers"), HEADERS),
                                rs.getBytes("body")));
                return Optional.of(new KeyState(rs.getString("fingerprint"), response));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read an idempotency key", e);
        }
    }

    void complete(String caller, String key, StoredResponse response) {
        String sql = "UPDATE idempotency_key SET status = ?, headers = ?::jsonb, body = ?, completed_at = ? "
                + "WHERE caller = ? AND key = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, response.status());
            statement.setString(2, json.writeValueAsString(response.headers()));
            statement.setBytes(3, response.body());
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            statement.setString(5, caller);
            statement.setString(6, key);
            statement.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not store an idempotent response", e);
        }
    }

    /** Deletes the keys older than the retention; returns how many. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM idempotency_key WHERE created_at < ?")) {
            statement.setTimestamp(1, Timestamp.from(expiredBefore(clock.instant())));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge expired idempotency keys", e);
        }
    }

    private Instant expiredBefore(Instant now) {
        return now.minus(config.retention());
    }
}
