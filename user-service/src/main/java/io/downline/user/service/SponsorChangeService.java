package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberSponsorChanged;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Member;
import io.downline.user.domain.SponsorEdge;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorEdgeRepository;
import io.downline.user.repository.SponsorTreeRepository;

/**
 * Moves a member, with their whole downline, under a new sponsor: one transaction, one UPDATE of the
 * paths, the sponsor history closed and reopened, the event and the audit record.
 * <p>
 * Concurrency: moves are serialised by a transaction advisory lock, so every check below reads the tree as
 * the previous move committed it and two crossing moves cannot build a cycle. The subtree is then row-locked
 * before its paths are rewritten, which waits for registrations in flight under it (they share-lock their
 * sponsor) and holds off new ones until the move commits; see {@link SponsorTreeRepository#lockSubtree}.
 */
@ApplicationScoped
public class SponsorChangeService {

    private final MemberRepository members;
    private final SponsorEdgeRepository edges;
    private final SponsorTreeRepository tree;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;

    public SponsorChangeService(MemberRepository members, SponsorEdgeRepository edges, SponsorTreeRepository tree,
            OutboxWriter outbox, AdminAudit audit, Caller caller, Clock clock) {
        this.members = members;
        this.edges = edges;
        this.tree = tree;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SponsorChange changeSponsor(UUID memberId, UUID newSponsorId, String reason) {
        tree.lockTreeForMove();
        if (tree.lockSubtree(memberId) == 0) {
            throw NotFoundException.of("Member", memberId);
        }
        Member sponsor = members.findByIdOptional(newSponsorId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> NotFoundException.of("Sponsor", newSponsorId));
        Member member = members.findById(memberId);
        if (member.isRoot()) {
            throw new BusinessRuleException("The root (company) member has no sponsor");
        }
        if (newSponsorId.equals(member.sponsorId)) {
            throw new ConflictException("Member " + memberId + " is already sponsored by " + newSponsorId);
        }
        if (newSponsorId.equals(memberId) || tree.isInDownline(memberId, newSponsorId)) {
            throw new ConflictException("Member " + newSponsorId + " is in the downline of " + memberId
                    + "; the move would create a cycle");
        }
        if (!sponsor.status.canSponsor()) {
            throw new BusinessRuleException("newSponsorId", "The new sponsor's account is "
                    + sponsor.status.name().toLowerCase(Locale.ROOT) + " and cannot sponsor members");
        }
        UUID previousSponsorId = member.sponsorId;
        Instant now = clock.instant();
        String actor = caller.subject();

        SponsorEdge current = edges.current(memberId).orElseThrow();
        current.validTo = now;
        edges.flush(); // close before opening: one open edge per member
        edges.persist(SponsorEdge.open(memberId, newSponsorId, now, actor, reason));
        member.sponsorId = newSponsorId;
        member.updatedAt = now;
        members.flush();
        int moved = tree.moveSubtree(memberId, newSponsorId);

        outbox.publish(EventType.MEMBER_SPONSOR_CHANGED, memberId,
                new MemberSponsorChanged(memberId, previousSponsorId, newSponsorId, reason, actor, moved, now));
        audit.record("member.change-sponsor", "member", memberId, Map.of("sponsorId", previousSponsorId),
                Map.of("sponsorId", newSponsorId, "movedMembers", moved, "reason", reason));
        return new SponsorChange(memberId, previousSponsorId, newSponsorId, moved);
    }

    /** Every sponsor the member has had, oldest first. */
    public List<SponsorEdge> history(UUID memberId) {
        if (members.findByIdOptional(memberId).isEmpty()) {
            throw NotFoundException.of("Member", memberId);
        }
        return edges.history(memberId);
    }
}
