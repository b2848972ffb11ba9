package io.downline.payout.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.payout.domain.PayoutMethod;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Payout methods; the request's ownership check is read with its other preconditions ({@link PayoutEligibility}). */
@ApplicationScoped
public class PayoutMethodRepository implements PanacheRepositoryBase<PayoutMethod, UUID> {

    public List<PayoutMethod> ofMember(UUID memberId) {
        return list("memberId = ?1 order by createdAt", memberId);
    }
}
