package io.downline.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.downline.notification.domain.Contact;

/** {@code member_contact}: names and e-mail addresses from users events. */
@ApplicationScoped
public class ContactRepository {

    private final EntityManager em;

    public ContactRepository(EntityManager em) {
        this.em = em;
    }

    public void register(UUID memberId, String email, String name, Instant now) {
        em.createNativeQuery("INSERT INTO member_contact (member_id, email, name, updated_at) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (member_id) DO NOTHING")
                .setParameter(1, memberId).setParameter(2, email).setParameter(3, name).setParameter(4, now)
                .executeUpdate();
    }

    public void rename(UUID memberId, String name, Instant now) {
        em.createNativeQuery("UPDATE member_contact SET name = ?2, updated_at = ?3 WHERE member_id = ?1")
                .setParameter(1, memberId).setParameter(2, name).setParameter(3, now).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<Contact> find(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT email, name, locale FROM member_contact WHERE member_id = ?1")
                .setParameter(1, memberId).getResultList();
        return rows.stream().findFirst().map(row -> new Contact(memberId, (String) row[0], (String) row[1],
                Locale.forLanguageTag((String) row[2])));
    }

    /** The contacts of those of the ids that are known members, in one query. */
    @SuppressWarnings("unchecked")
    public List<Contact> findAll(Collection<UUID> memberIds) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT member_id, email, name, locale FROM member_contact WHERE member_id = ANY (CAST(?1 AS uuid[]))")
                .setParameter(1, memberIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream().map(row -> new Contact((UUID) row[0], (String) row[1], (String) row[2],
                Locale.forLanguageTag((String) row[3]))).toList();
    }
}
