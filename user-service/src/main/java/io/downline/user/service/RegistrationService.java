package io.downline.user.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.events.EventType;
import io.downline.platform.http.Problem;
import io.downline.platform.http.ProblemException;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.ReferralCodes;
import io.downline.user.domain.SponsorEdge;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorEdgeRepository;
import io.downline.user.rest.dto.RegistrationRequest;

/**
 * A person with a login joins under the sponsor whose referral code they bring. Registration is the busiest
 * write of the service (launch days), so it reads everything it checks in one statement: see
 * {@link MemberRepository#findForRegistration}.
 */
@ApplicationScoped
public class RegistrationService {

    private static final int CODE_ATTEMPTS = 5;

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final ReferralCodes referralCodes;
    private final OutboxWriter outbox;

    public RegistrationService(MemberRepository members, SponsorEdgeRepository edges, ReferralCodes referralCodes,
            OutboxWriter outbox) {
        this.members = members;
        this.edges = edges;
        this.referralCodes = referralCodes;
        this.outbox = outbox;
    }

    @Transactional
    public Member register(String oidcSubject, RegistrationRequest request) {
        String email = request.email().trim().toLowerCase();
        String sponsorCode = request.referralCode();
        String newCode = referralCodes.next();
        Member sponsor = null;
        boolean newCodeTaken = false;
        for (Member found : members.findForRegistration(oidcSubject, email, sponsorCode, newCode)) {
            if (oidcSubject.equals(found.oidcSubject)) {
                throw ProblemException.conflict("You are already registered as member " + found.id);
            }
            if (email.equals(found.email.toLowerCase())) {
                throw ProblemException.conflict("A member with this email is already registered");
            }
            if (sponsorCode.equals(found.referralCode)) {
                sponsor = found;
            }
            newCodeTaken |= newCode.equals(found.referralCode);
        }
        if (sponsor == null) {
            throw new ProblemException(422, "unknown-referral-code", "Unknown referral code",
                    "No member has the referral code " + sponsorCode,
                    List.of(new Problem.FieldError("referralCode", "no member has this referral code")));
        }
        if (!sponsor.status.canSponsor()) {
            throw ProblemException.unprocessable("The sponsor's account is " + sponsor.status.name().toLowerCase()
                    + " and cannot sponsor new members");
        }

        Instant now = Instant.now();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = email;
        member.name = request.name().trim();
        member.phone = request.phone();
        member.country = request.country();
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
        return member;
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
