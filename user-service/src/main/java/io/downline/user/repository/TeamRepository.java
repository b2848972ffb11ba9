package io.downline.user.repository;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.paging.Page;
import io.downline.user.domain.Team;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public boolean nameTaken(UUID leaderId, String name) {
        return count("leaderId = ?1 and lower(name) = ?2", leaderId, name.toLowerCase(java.util.Locale.ROOT)) > 0;
    }

    /** Every team, optionally only those of one leader. */
    public Page<Team> page(UUID leaderId, int page, int size) {
        PanacheQuery<Team> query = leaderId == null ? findAll(sort()) : find("leaderId", sort(), leaderId);
        return toPage(query, page, size);
    }

    /** The teams the member leads or belongs to, optionally only those of one leader. */
    public Page<Team> pageOfMember(UUID memberId, UUID leaderId, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("member", memberId);
        String query = """
                from Team t where (t.leaderId = :member
                    or exists (select 1 from TeamMembership tm where tm.teamId = t.id and tm.memberId = :member))""";
        if (leaderId != null) {
            query += " and t.leaderId = :leader";
            parameters.put("leader", leaderId);
        }
        return toPage(find(query, Sort.by("t.createdAt").and("t.id"), parameters), page, size);
    }

    /**
     * Applies a leader's group volume of a closed period to the teams they lead. A close of an older period
     * arriving late is ignored; closing the same period again (closes are repeatable) overwrites it.
     */
    public int applyLastClose(UUID leaderId, String period, BigDecimal groupVolume) {
        return update("""
                lastCloseVolume = ?1, lastClosePeriod = ?2, version = version + 1
                where leaderId = ?3 and (lastClosePeriod is null or lastClosePeriod <= ?2)""",
                groupVolume, period, leaderId);
    }

    private static Sort sort() {
        return Sort.by("createdAt").and("id");
    }

    private static Page<Team> toPage(PanacheQuery<Team> query, int page, int size) {
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, query.count());
    }
}
