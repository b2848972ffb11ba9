package io.downline.payout.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.payout.domain.KycCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID> {

    public List<KycCase> approvedOf(UUID memberId) {
        return list("memberId = ?1 and status = ?2", memberId, KycCase.APPROVED);
    }
}
