package io.downline.commission.repository;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import io.downline.commission.domain.Rank;
import io.downline.platform.events.EventType;

/**
 * A close's events queued in the outbox by one COPY, each row written as it is produced (ids, topic, key, type
 * and payload straight into the COPY buffer); the number of events is known when it is opened. The relay publishes them like any other outbox row, in the order
 * written.
 */
public final class CloseEventCopy implements AutoCloseable {

    private final Connection connection;
    private final CopyWriter copy;
    private final CloseEventJson json;
    private final RandomIds ids;
    private final byte[] rankChangedHead = topicAndType(EventType.MEMBER_RANK_CHANGED);
    private final byte[] volumeUpdatedHead = topicAndType(EventType.TEAM_VOLUME_UPDATED);

    CloseEventCopy(Connection connection, String period, Instant occurredAt, int count) throws SQLException {
        this.connection = connection;
        this.ids = new RandomIds(count);
        this.copy = new CopyWriter(connection, "COPY outbox (event_id, topic, type, aggregate_id, payload) FROM STDIN");
        this.json = new CloseEventJson(period, occurredAt);
    }

    public void rankChanged(long idHigh, long idLow, Rank previousRank, Rank newRank) throws SQLException {
        json.rankChanged(head(rankChangedHead, idHigh, idLow), idHigh, idLow, previousRank, newRank);
        copy.endRow();
    }

    public void volumeUpdated(long idHigh, long idLow, long personalCents, long groupCents) throws SQLException {
        json.volumeUpdated(head(volumeUpdatedHead, idHigh, idLow), idHigh, idLow, personalCents, groupCents);
        copy.endRow();
    }

    /** Ends the COPY and refreshes the outbox's statistics; returns the rows written. */
    public long finish() throws SQLException {
        copy.close();
        // Fresh statistics for the relay's query: planned against an outbox it believes small, its
        // per-aggregate check turns quadratic over a million new rows.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE outbox");
        }
        return copy.rows();
    }

    @Override
    public void close() throws SQLException {
        try {
            copy.close();
        } finally {
            connection.close();
        }
    }

    /** event_id, topic, type and the key (the member), each followed by its tab; the payload comes next. */
    private AsciiBuffer head(byte[] topicAndType, long idHigh, long idLow) {
        ids.next(copy.out());
        return copy.next().bytes(topicAndType).uuid(idHigh, idLow).character('\t');
    }

    private static byte[] topicAndType(EventType type) {
        return (type.topic() + "\t" + type.type() + "\t").getBytes(StandardCharsets.US_ASCII);
    }
}
