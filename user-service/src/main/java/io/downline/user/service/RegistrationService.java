package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.events.EmailAddress;
import io.downline.platform.events.EventType;
import io.downline.platform.inbox.Parking;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.ReferralCodes;
import io.downline.user.domain.SponsorEdge;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorEdgeRepository;

/**
 * A person with a login joins under the sponsor whose referral code they bring, with the verified email of
 * their login: nobody can register someone else's address. Registration is the busiest write of the service
 * (launch days), so it reads everything it checks in one statement: see {@link MemberRepository#findForRegistration}.
 */
@ApplicationScoped
public class RegistrationService {

    private static final int CODE_ATTEMPTS = 5;

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final ReferralCodes referralCodes;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Parking parking;
    private final Clock clock;

    public RegistrationService(MemberRepository members, SponsorEdgeRepository edges, ReferralCodes referralCodes,
            OutboxWriter outbox, AdminAudit audit, Parking parking, Clock clock) {
        this.members = members;
        this.edges = edges;
        this.referralCodes = referralCodes;
        this.outbox = outbox;
        this.audit = audit;
        this.parking = parking;
        this.clock = clock;
    }

    @Transactional
    public Member register(Registration registration) {
        String email = verifiedEmail(registration);
        String oidcSubject = registration.oidcSubject();
        String sponsorCode = registration.referralCode();
        String newCode = referralCodes.next();
        Member sponsor = null;
        boolean newCodeTaken = false;
        for (Member found : members.findForRegistration(oidcSubject, email, sponsorCode, newCode)) {
            if (oidcSubject.equals(found.oidcSubject)) {
                throw new ConflictException("You are already registered as member " + found.id);
            }
            if (email.equals(found.email.toLowerCase(Locale.ROOT))) {
                // The address is the caller's own verified one: this tells them nothing about anyone else.
                throw new ConflictException("Your email address is already registered with another login; "
                        + "sign in with that login or contact support");
            }
            if (sponsorCode.equals(found.referralCode)) {
                sponsor = found;
            }
            newCodeTaken |= newCode.equals(found.referralCode);
        }
        if (sponsor == null) {
            throw new BusinessRuleException("referralCode", "no member has the referral code " + sponsorCode);
        }
        if (!sponsor.status.canSponsor()) {
            throw new BusinessRuleException("The sponsor's account is " + sponsor.status.name().toLowerCase(Locale.ROOT)
                    + " and cannot sponsor new members");
        }

        Instant now = clock.instant();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = email;
        member.name = registration.name().trim();
        member.phone = registration.phone();
        member.country = registration.country();
        member.referralCode = newCodeTaken ? freeReferralCode() : newCode;
        member.sponsorId = sponsor.id;
        member.oidcSubject = oidcSubject;
        member.status = MemberStatus.PENDING;
        member.registeredAt = now;
        member.updatedAt = now;
        members.persist(member);
        edges.persist(SponsorEdge.open(member.id, sponsor.id, now, oidcSubject, "registration"));
        members.flush();
        outbox.publish(EventType.MEMBER_REGISTERED, member.id, MemberEvents.registered(member));
        // Sales or KYC outcomes that arrived before this member are applied once the registration commits.
        parking.release("member", member.id);
        audit.record("member.register", "member", member.id, null, MemberState.of(member));
        return member;
    }

    /** The login's verified email, which a typed email must repeat, by the rule the event contract holds. */
    private static String verifiedEmail(Registration registration) {
        if (registration.verifiedEmail() == null) {
            throw new BusinessRuleException("email",
                    "your login has no verified email address; verify it with the identity provider first");
        }
        String email = registration.verifiedEmail().trim().toLowerCase(Locale.ROOT);
        if (registration.requestedEmail() != null
                && !registration.requestedEmail().trim().equalsIgnoreCase(email)) {
            throw new BusinessRuleException("email", "must be the verified email address of your login");
        }
        if (!EmailAddress.isValid(email)) {
            throw new BusinessRuleException("email",
                    "the verified email address of your login is not one a member can register with");
        }
        return email;
    }

    private String freeReferralCode() {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = referralCodes.next();
            if (members.findByReferralCode(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free referral code after " + CODE_ATTEMPTS + " attempts");
    }
}
