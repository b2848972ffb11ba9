package io.downline.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** {@code email_outbox}: mails written with their notification, sent after commit. */
@ApplicationScoped
public class EmailOutboxRepository {

    public record PendingMail(long id, String to, String subject, String body, int attempts) {
    }

    private final EntityManager em;

    public EmailOutboxRepository(EntityManager em) {
        this.em = em;
    }

    public void add(UUID notificationId, String to, String subject, String body, Instant now) {
        em.createNativeQuery("INSERT INTO email_outbox (notification_id, to_address, subject, body, created_at,"
                + " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                .setParameter(1, notificationId).setParameter(2, to).setParameter(3, subject).setParameter(4, body)
                .setParameter(5, now).executeUpdate();
    }

    /** Due mails, locked so that another replica's sender skips them. */
    @SuppressWarnings("unchecked")
    public List<PendingMail> due(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, to_address, subject, body, attempts FROM email_outbox"
                + " WHERE sent_at IS NULL AND next_attempt_at <= ?1 ORDER BY id LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).getResultList();
        return rows.stream().map(row -> new PendingMail(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], ((Number) row[4]).intValue())).toList();
    }

    public void sent(long id, Instant now) {
        em.createNativeQuery("UPDATE email_outbox SET sent_at = ?2, attempts = attempts + 1 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, now).executeUpdate();
    }

    public void failed(long id, Instant nextAttempt, String error) {
        em.createNativeQuery("UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = ?2, last_error = ?3"
                + " WHERE id = ?1")
                .setParameter(1, id).setParameter(2, nextAttempt).setParameter(3, error).executeUpdate();
    }
}
