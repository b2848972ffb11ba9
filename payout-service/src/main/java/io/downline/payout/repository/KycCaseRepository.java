package io.downline.payout.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.payout.domain.KycCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The KYC projection's cases; the request's KYC check is read with its other preconditions ({@link PayoutEligibility}). */
@ApplicationScoped
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID> {
}
