package io.downline.notification.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.downline.notification.domain.Contact;
import io.downline.platform.jdbc.SqlArrays;

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
    public List<Contact> findAll(Collection<UUID> memberIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT member_id, email, name, locale FROM member_contact WHERE member_id = ANY (?)")) {
                SqlArrays.bind(statement, 1, memberIds);
                List<Contact> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Contact(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                Locale.forLanguageTag(rows.getString(4))));
                    }
                }
                return found;
            }
        });
    }
}
