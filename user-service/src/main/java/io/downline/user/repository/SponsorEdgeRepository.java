package io.downline.user.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.user.domain.SponsorEdge;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SponsorEdgeRepository implements PanacheRepositoryBase<SponsorEdge, Long> {

    public Optional<SponsorEdge> current(UUID memberId) {
        return find("memberId = ?1 and validTo is null", memberId).firstResultOptional();
    }

    /** Every sponsorship of the member, oldest first. */
    public List<SponsorEdge> history(UUID memberId) {
        return list("memberId", Sort.by("validFrom").and("id"), memberId);
    }
}
