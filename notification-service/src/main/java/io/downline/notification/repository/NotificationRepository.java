package io.downline.notification.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.domain.Notification;
import io.downline.platform.jdbc.SqlArrays;

/** {@code notification} and {@code stream_sequence}: the numbered streams, the inbox and its read state. */
@ApplicationScoped
public class NotificationRepository {

    /** The PostgreSQL channel every replica listens on for notifications to push. */
    public static final String DELIVERY_CHANNEL = "notification_delivery";

    private static final String COLUMNS = "id, stream, sequence, member_id, type, title, body, data::text AS data,"
            + " event_id, event_type, created_at, read_at";
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    public NotificationRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Takes {@code counts.get(stream)} new numbers for each stream and returns each stream's first one. The rows
     * are locked in the streams' order and stay locked until the transaction ends, so two transactions numbering
     * the same streams cannot deadlock, a second one waits, and numbers commit in the order they were taken.
     */
    public Map<String, Long> take(SortedMap<String, Integer> counts) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO stream_sequence (stream, last_sequence)
                    SELECT stream, taken FROM unnest(?::text[], ?::bigint[]) AS t (stream, taken) ORDER BY stream
                    ON CONFLICT (stream) DO UPDATE SET last_sequence = stream_sequence.last_sequence + EXCLUDED.last_sequence
                    RETURNING stream, last_sequence""")) {
                SqlArrays.bind(statement, 1, counts.keySet());
                SqlArrays.bind(statement, 2, counts.values().stream().map(Integer::longValue).toList());
                Map<String, Long> first = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String stream = rows.getString(1);
                        first.put(stream, rows.getLong(2) - counts.get(stream) + 1);
                    }
                }
                return first;
            }
        });
    }

    /** Which (event, stream, type) these events already gave a notification, as {@link #key} strings. */
    public Set<String> existing(Collection<UUID> eventIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_id, stream, type FROM notification WHERE event_id = ANY (?)")) {
                SqlArrays.bind(statement, 1, eventIds);
                Set<String> keys = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(key(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
                    }
                }
                return keys;
            }
        });
    }

    /** What makes a notification unique per event: at most one of a type per stream. */
    public static String key(UUID eventId, String stream, String type) {
        return eventId + " " + stream + " " + type;
    }

    /** Inserts the notifications in one statement. */
    public void insertAll(List<Notification> batch) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO notification (id, stream, sequence, member_id, type, title, body, data, event_id,
                        event_type, created_at)
                    SELECT id, stream, sequence, member_id, type, title, body, data::jsonb, event_id, event_type,
                        created_at::timestamptz
                    FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::uuid[], ?::text[], ?::text[])
                        AS n (id, stream, sequence, member_id, type, title, body, data, event_id, event_type, created_at)
                    """)) {
                SqlArrays.bind(statement, 1, column(batch, Notification::id));
                SqlArrays.bind(statement, 2, column(batch, Notification::room));
                SqlArrays.bind(statement, 3, column(batch, Notification::sequence));
                SqlArrays.bind(statement, 4, column(batch, Notification::memberId));
                SqlArrays.bind(statement, 5, column(batch, Notification::type));
                SqlArrays.bind(statement, 6, column(batch, Notification::title));
                SqlArrays.bind(statement, 7, column(batch, Notification::body));
                SqlArrays.bind(statement, 8, column(batch, n -> write(n.data())));
                SqlArrays.bind(statement, 9, column(batch, Notification::eventId));
                SqlArrays.bind(statement, 10, column(batch, Notification::eventType));
                SqlArrays.bind(statement, 11, column(batch, n -> n.createdAt().toString()));
                statement.executeUpdate();
            }
        });
    }

    /**
     * Tells every replica, at commit, what to push: one NOTIFY per payload, in the list's order, in one statement;
     * nothing is sent if the transaction rolls back.
     */
    public void announceAll(List<String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        // One parameter per payload rather than a text array: the driver would escape every character of it.
        String values = String.join(", ", java.util.Collections.nCopies(payloads.size(), "(?::text)"));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(pg_notify('"
                    + DELIVERY_CHANNEL + "', m)) FROM (VALUES " + values + ") AS v (m)")) {
                for (int i = 0; i < payloads.size(); i++) {
                    statement.setString(i + 1, payloads.get(i));
                }
                statement.executeQuery().close();
            }
        });
    }

    private static Object[] column(List<Notification> batch, Function<Notification, Object> value) {
        return batch.stream().map(value).toArray();
    }

    /** The stream's notifications after the given number, oldest first. */
    public List<Notification> after(String stream, long sequence, int limit) {
        return query("SELECT " + COLUMNS + " FROM notification WHERE stream = ?1 AND sequence > ?2"
                + " ORDER BY sequence LIMIT " + limit, stream, sequence);
    }

    /** A member's inbox, newest first. */
    public List<Notification> inbox(UUID memberId, boolean unreadOnly, int page, int size) {
        return query("SELECT " + COLUMNS + " FROM notification WHERE stream = ?1"
                + (unreadOnly ? " AND read_at IS NULL" : "")
                + " ORDER BY sequence DESC OFFSET " + ((long) page * size) + " LIMIT " + size, "member:" + memberId, null);
    }

    public long count(UUID memberId, boolean unreadOnly) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notification WHERE member_id = ?1"
                + (unreadOnly ? " AND read_at IS NULL" : ""))
                .setParameter(1, memberId).getSingleResult()).longValue();
    }

    public long lastSequence(String stream) {
        List<?> rows = em.createNativeQuery("SELECT last_sequence FROM stream_sequence WHERE stream = ?1")
                .setParameter(1, stream).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    public Optional<Notification> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM notification WHERE id = ?1", id, null).stream().findFirst();
    }

    /** Marks the member's notification read; the first read time is kept. */
    public void markRead(UUID id, Instant now) {
        em.createNativeQuery("UPDATE notification SET read_at = ?2 WHERE id = ?1 AND read_at IS NULL")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
    }

    /** Marks every unread notification of the member read; returns how many. */
    public int markAllRead(UUID memberId, Instant now) {
        return em.createNativeQuery("UPDATE notification SET read_at = ?2 WHERE member_id = ?1 AND read_at IS NULL")
                .setParameter(1, memberId).setParameter(2, now).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Notification> query(String sql, Object first, Object second) {
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        query.addScalar("id", StandardBasicTypes.UUID).addScalar("stream", StandardBasicTypes.STRING)
                .addScalar("sequence", StandardBasicTypes.LONG).addScalar("member_id", StandardBasicTypes.UUID)
                .addScalar("type", StandardBasicTypes.STRING).addScalar("title", StandardBasicTypes.STRING)
                .addScalar("body", StandardBasicTypes.STRING).addScalar("data", StandardBasicTypes.STRING)
                .addScalar("event_id", StandardBasicTypes.UUID).addScalar("event_type", StandardBasicTypes.STRING)
                .addScalar("created_at", StandardBasicTypes.INSTANT).addScalar("read_at", StandardBasicTypes.INSTANT);
        return query.getResultList().stream().map(row -> new Notification((UUID) row[0], (String) row[1],
                (Long) row[2], (UUID) row[3], (String) row[4], (String) row[5], (String) row[6], read((String) row[7]),
                (UUID) row[8], (String) row[9], (Instant) row[10], (Instant) row[11])).toList();
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String data) {
        try {
            return json.readValue(data, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
