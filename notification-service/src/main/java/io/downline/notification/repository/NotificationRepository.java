package io.downline.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.domain.Notification;

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
     * The stream's next number. The stream's row stays locked until the transaction ends, so a second
     * transaction numbering the same stream waits, and numbers commit in the order they were taken.
     */
    public long nextSequence(String stream) {
        return ((Number) em.createNativeQuery("INSERT INTO stream_sequence (stream, last_sequence) VALUES (?1, 1)"
                + " ON CONFLICT (stream) DO UPDATE SET last_sequence = stream_sequence.last_sequence + 1"
                + " RETURNING last_sequence")
                .setParameter(1, stream).getSingleResult()).longValue();
    }

    /** Whether the event already gave this stream a notification of the type. */
    public boolean exists(UUID eventId, String stream, String type) {
        return !em.createNativeQuery("SELECT 1 FROM notification WHERE event_id = ?1 AND stream = ?2 AND type = ?3")
                .setParameter(1, eventId).setParameter(2, stream).setParameter(3, type).getResultList().isEmpty();
    }

    public void insert(Notification n) {
        em.createNativeQuery("INSERT INTO notification (id, stream, sequence, member_id, type, title, body, data,"
                + " event_id, event_type, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), ?9, ?10, ?11)")
                .setParameter(1, n.id()).setParameter(2, n.room()).setParameter(3, n.sequence())
                .setParameter(4, n.memberId()).setParameter(5, n.type()).setParameter(6, n.title())
                .setParameter(7, n.body()).setParameter(8, write(n.data())).setParameter(9, n.eventId())
                .setParameter(10, n.eventType()).setParameter(11, n.createdAt())
                .executeUpdate();
    }

    /** Tells every replica, at commit, what to push; nothing is sent if the transaction rolls back. */
    public void announce(String message) {
        em.createNativeQuery("SELECT pg_notify('" + DELIVERY_CHANNEL + "', ?1)").setParameter(1, message)
                .getSingleResult();
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
