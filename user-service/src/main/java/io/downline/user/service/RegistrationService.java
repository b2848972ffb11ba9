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
import io.downline.user.repository.SponsorTreeRepository;
import io.downline.user.rest.dto.RegistrationRequest;

/** A person with a login joins under the sponsor whose referral code they bring. */
@ApplicationScoped
public class RegistrationService {

    private static final int CODE_ATTEMPTS = 5;

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final SponsorTreeRepository tree;
    private final OutboxWriter outbox;

    public RegistrationService(MemberRepository members, SponsorEdgeRepository edges, SponsorTreeRepository tree,
            OutboxWriter outbox) {
        this.members = members;
        this.edges = edges;
        this.tree = tree;
        this.outbox = outbox;
    }

    @Transactional
    public Member register(String oidcSubject, RegistrationRequest request) {
        members.findBySubject(oidcSubject).ifPresent(existing -> {
            throw ProblemException.conflict("You are already registered as member " + existing.id);
        });
        String email = request.email().trim().toLowerCase();
        if (members.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("A member with this email is already registered");
        }
        Member sponsor = members.findByReferralCode(request.referralCode())
                .orElseThrow(() -> new ProblemException(422, "unknown-referral-code", "Unknown referral code",
                        "No member has the referral code " + request.referralCode(),
                        List.of(new Problem.FieldError("referralCode", "no member has this referral code"))));
        if (!sponsor.status.canSponsor()) {
            throw ProblemException.unprocessable("The sponsor's account is " + sponsor.status.name().toLowerCase()
                    + " and cannot sponsor new members");
        }
        // Hold the sponsor's place in the tree while the new member's path is derived from it.
        tree.lockForShare(sponsor.id);

        Instant now = Instant.now();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = email;
        member.name = request.name().trim();
        member.phone = request.phone();
        member.country = request.country();
        member.referralCode = newReferralCode();
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

    private String newReferralCode() {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            String code = ReferralCodes.next();
            if (members.findByReferralCode(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free referral code after " + CODE_ATTEMPTS + " attempts");
    }
}
