package io.downline.user.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> findBySubject(String oidcSubject) {
        return find("oidcSubject", oidcSubject).firstResultOptional();
    }

    public Optional<Member> findByReferralCode(String referralCode) {
        return find("referralCode", referralCode).firstResultOptional();
    }

    /**
     * What a registration needs to know, in one round trip: the members holding the subject, the email, the
     * sponsor's referral code or the code about to be handed out. The rows are locked FOR SHARE, so the
     * sponsor's status and place in the tree cannot change until the new member is in.
     */
    public List<Member> findForRegistration(String oidcSubject, String email, String sponsorCode, String newCode) {
        return find("oidcSubject = ?1 or lower(email) = ?2 or referralCode in (?3, ?4)",
                oidcSubject, email.toLowerCase(Locale.ROOT), sponsorCode, newCode)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .list();
    }

    public Optional<Member> findRoot() {
        return find("sponsorId is null").firstResultOptional();
    }

    /** Admin search; every criterion is optional, names and emails match by case-insensitive fragment. */
    public SearchResult search(String email, String name, MemberStatus status, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (email != null) {
            query.append(" and lower(email) like :email");
            parameters.put("email", "%" + escapeLike(email.toLowerCase(Locale.ROOT)) + "%");
        }
        if (name != null) {
            query.append(" and lower(name) like :name");
            parameters.put("name", "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%");
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        var found = find(query.toString(), Sort.by("registeredAt").and("id"), parameters).page(Page.of(page, size));
        return new SearchResult(found.list(), found.count());
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public record SearchResult(List<Member> members, long total) {
    }
}
