package io.downline.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.NotFoundException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The person behind the current request: their token's subject and roles, and the member they log in as.
 * Ids in paths are checked against this, never trusted.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final Instance<MemberDirectory> directory;
    private Optional<MemberIdentity> member;

    public Caller(SecurityIdentity identity, Instance<MemberDirectory> directory) {
        this.identity = identity;
        this.directory = directory;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller holds a staff role (admin, kyc-officer, finance, auditor). */
    public boolean isStaff() {
        return Roles.STAFF.stream().anyMatch(identity::hasRole);
    }

    /** The member this caller logs in as, if they have registered. */
    public Optional<UUID> memberId() {
        return member().map(MemberIdentity::memberId);
    }

    /** The caller's member id; {@link NotFoundException} when they have no member profile yet. */
    public UUID requireMemberId() {
        return memberId().orElseThrow(() -> new NotFoundException("You have no member profile; register first"));
    }

    public boolean isMember(UUID id) {
        return memberId().map(id::equals).orElse(false);
    }

    /** Whether the caller's own membership is suspended or terminated. */
    public boolean isRestricted() {
        return member().map(MemberIdentity::restricted).orElse(false);
    }

    /**
     * Refuses a suspended or terminated member: they may read their own profile and nothing else changes.
     * Staff act with their role, not their membership, and pass (checked first: their calls need no member lookup).
     */
    public void requireGoodStanding() {
        if (!isStaff() && isRestricted()) {
            throw new AccessDeniedException("Your membership is suspended or terminated; you may only read your own profile");
        }
    }

    /**
     * Lets the call through when the id is the caller's own member, or the caller holds one of the roles;
     * otherwise {@link AccessDeniedException}. Use for data a member may see of themselves only.
     */
    public void requireSelfOrRole(UUID id, String... roles) {
        if (!isMember(id) && !hasAnyRole(roles)) {
            throw new AccessDeniedException("You may only access your own data");
        }
    }

    private Optional<MemberIdentity> member() {
        if (member == null) {
            member = identity.isAnonymous() || directory.isUnsatisfied() ? Optional.empty()
                    : directory.get().find(subject());
        }
        return member;
    }
}
