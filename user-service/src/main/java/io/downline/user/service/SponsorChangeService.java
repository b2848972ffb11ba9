package io.downline.user.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.http.ProblemException;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.SponsorEdge;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorEdgeRepository;
import io.downline.user.repository.SponsorTreeRepository;
import io.downline.user.rest.dto.SponsorChangeView;

/**
 * Moves a member, with their whole downline, under a new sponsor: one transaction, one UPDATE of the
 * paths, the sponsor history closed and reopened, the event and the audit record. Sponsor changes are
 * serialised, so two crossing moves cannot build a cycle between them.
 */
@ApplicationScoped
public class SponsorChangeService {

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final SponsorTreeRepository tree;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;

    public SponsorChangeService(MemberRepository members, SponsorEdgeRepository edges, SponsorTreeRepository tree,
            OutboxWriter outbox, AdminAudit audit, Caller caller) {
        this.members = members;
        this.edges = edges;
        this.tree = tree;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public SponsorChangeView changeSponsor(UUID memberId, UUID newSponsorId, String reason) {
        tree.lockTreeForMove();
        Member member = members.findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("Member", memberId));
        Member sponsor = members.findByIdOptional(newSponsorId)
                .orElseThrow(() -> ProblemException.notFound("Sponsor", newSponsorId));
        if (member.isRoot()) {
            throw ProblemException.unprocessable("The root (company) member has no sponsor");
        }
        if (newSponsorId.equals(member.sponsorId)) {
            throw ProblemException.conflict("Member " + memberId + " is already sponsored by " + newSponsorId);
        }
        if (newSponsorId.equals(memberId) || tree.isInDownline(memberId, newSponsorId)) {
            throw ProblemException.conflict("Member " + newSponsorId + " is in the downline of " + memberId
                    + "; the move would create a cycle");
        }
        if (sponsor.status == MemberStatus.TERMINATED) {
            throw ProblemException.unprocessable("A terminated member cannot become a sponsor");
        }
        UUID previousSponsorId = member.sponsorId;
        Instant now = Instant.now();
        String actor = caller.subject();

        SponsorEdge current = edges.current(memberId).orElseThrow();
        current.validTo = now;
        edges.flush(); // close before opening: one open edge per member
        edges.persist(SponsorEdge.open(memberId, newSponsorId, now, actor, reason));
        member.sponsorId = newSponsorId;
        member.updatedAt = now;
        members.flush();
        int moved = tree.moveSubtree(memberId, newSponsorId);

        SponsorChangeView result = new SponsorChangeView(memberId, previousSponsorId, newSponsorId, moved);
        outbox.publish(EventType.MEMBER_SPONSOR_CHANGED, memberId,
                new MemberSponsorChanged(memberId, previousSponsorId, newSponsorId, reason, actor, moved, now));
        audit.record("member.change-sponsor", "member", memberId, Map.of("sponsorId", previousSponsorId),
                Map.of("sponsorId", newSponsorId, "movedMembers", moved, "reason", reason));
        return result;
    }
}
