package io.downline.user.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.paging.Page;
import io.downline.user.domain.Meeting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    public Optional<Meeting> findInTeam(UUID teamId, UUID meetingId) {
        return find("id = ?1 and teamId = ?2", meetingId, teamId).firstResultOptional();
    }

    /** A team's meetings by start time; without {@code includePast} only those that have not ended. */
    public Page<Meeting> page(UUID teamId, boolean includePast, Instant now, int page, int size) {
        Sort sort = Sort.by("startsAt").and("id");
        PanacheQuery<Meeting> query = includePast ? find("teamId", sort, teamId)
                : find("teamId = ?1 and endsAt > ?2", sort, teamId, now);
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, query.count());
    }

    /**
     * Locks scheduled meetings that start within {@code (now, until]} and have had no reminder. Rows another
     * instance holds are skipped, so two instances never remind of the same meeting.
     */
    @SuppressWarnings("unchecked")
    public List<Meeting> lockDueForReminder(Instant now, Instant until, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM meeting
                WHERE status = 'SCHEDULED' AND reminder_sent_at IS NULL AND starts_at > ?1 AND starts_at <= ?2
                ORDER BY starts_at
                LIMIT ?3
                FOR UPDATE SKIP LOCKED""", Meeting.class)
                .setParameter(1, now)
                .setParameter(2, until)
                .setParameter(3, limit)
                .getResultList();
    }

    /** Marks the meetings reminded without touching their version, so a cancel racing the reminder still succeeds. */
    public void markReminded(List<UUID> meetingIds, Instant at) {
        update("reminderSentAt = ?1 where id in ?2", at, meetingIds);
    }
}
