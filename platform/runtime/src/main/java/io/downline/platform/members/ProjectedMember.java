package io.downline.platform.members;

import java.time.Instant;
import java.util.UUID;

/**
 * A member as this service knows them from {@code users.events.v1}.
 *
 * @param oidcSubject  the OIDC subject that logs in as the member; null only if user-service published none
 * @param sponsorId    null only for the root (company) member
 * @param country      ISO 3166-1 alpha-2
 * @param registeredAt when user-service registered the member
 * @param updatedAt    when this service last changed the row (the injected clock)
 */
public record ProjectedMember(UUID memberId, String oidcSubject, UUID sponsorId, MemberStatus status, String country,
        Instant registeredAt, Instant updatedAt) {

    ProjectedMember withStatus(MemberStatus newStatus, Instant now) {
        return new ProjectedMember(memberId, oidcSubject, sponsorId, newStatus, country, registeredAt, now);
    }

    ProjectedMember withCountry(String newCountry, Instant now) {
        return new ProjectedMember(memberId, oidcSubject, sponsorId, status,
                newCountry, registeredAt, now);
    }

    ProjectedMember withSponsor(UUID newSponsorId, Instant now) {
        return new ProjectedMember(memberId, oidcSubject, newSponsorId, status, country, registeredAt, now);
    }

    /** Whether the two are equal in everything but {@link #updatedAt()}. */
    boolean sameAs(ProjectedMember other) {
        return other.withUpdatedAt(updatedAt).equals(this);
    }

    private ProjectedMember withUpdatedAt(Instant time) {
        return new ProjectedMember(memberId, oidcSubject, sponsorId, status, country, registeredAt, time);
    }
}
