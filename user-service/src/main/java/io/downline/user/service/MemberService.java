package io.downline.user.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.Actor;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.StatusChange;
import io.downline.user.repository.MemberRepository;

/** Profiles, the status lifecycle, the sponsor history and the admin search. */
@ApplicationScoped
public class MemberService {

    private final MemberRepository members;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;
    private final Actor actor;
    private final Clock clock;

    public MemberService(MemberRepository members, OutboxWriter outbox, AdminAudit audit,
            Caller caller, Actor actor, Clock clock) {
        this.members = members;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.actor = actor;
        this.clock = clock;
    }

    public Member get(UUID id) {
        return members.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Member", id));
    }

    /** The member's own profile: readable in any status, including suspended and terminated. */
    public Member self() {
        return get(caller.requireMemberId());
    }

    @Transactional
    public Member updateProfile(UUID id, ProfileChange change) {
        caller.requireGoodStanding();
        Member member = get(id);
        if (member.status == MemberStatus.TERMINATED) {
            throw new BusinessRuleException("A terminated member's profile cannot be changed");
        }
        MemberState before = MemberState.of(member);
        member.name = change.name().trim();
        member.phone = change.phone();
        member.country = change.country();
        member.updatedAt = clock.instant();
        members.flush();
        outbox.publish(EventType.MEMBER_PROFILE_UPDATED, member.id,
                new MemberProfileUpdated(member.id, member.name, member.phone, member.country, member.updatedAt));
        audit.record("member.update-profile", "member", id, before, MemberState.of(member));
        return member;
    }

    /** Admin status change with a reason; refused when the current status does not allow it. */
    @Transactional
    public Member changeStatus(UUID id, StatusChange change, String reason) {
        Member member = get(id);
        if (member.isRoot() && change != StatusChange.ACTIVATE) {
            throw new BusinessRuleException("The root (company) member's status cannot be changed");
        }
        if (!change.allowedFrom(member.status)) {
            throw new ConflictException("Member " + id + " is " + member.status + "; "
                    + change.name().toLowerCase(Locale.ROOT) + " is not possible from that status");
        }
        MemberState before = MemberState.of(member);
        Instant now = clock.instant();
        member.changeStatus(change, now);
        members.flush();
        outbox.publish(eventType(change), member.id, payload(change, member, reason, actor.current(), now));
        audit.record(change.action(), "member", id, before, MemberState.of(member));
        return member;
    }

    public Page<Member> search(String email, String name, MemberStatus status, int page, int size) {
        MemberRepository.SearchResult result = members.search(email, name, status, page, size);
        return new Page<>(result.members(), page, size, result.total());
    }

    private static EventType eventType(StatusChange change) {
        return switch (change) {
            case ACTIVATE -> EventType.MEMBER_ACTIVATED;
            case SUSPEND -> EventType.MEMBER_SUSPENDED;
            case REINSTATE -> EventType.MEMBER_REINSTATED;
            case TERMINATE -> EventType.MEMBER_TERMINATED;
        };
    }

    private static EventPayload payload(StatusChange change, Member member, String reason, String actor, Instant at) {
        UUID id = member.id;
        return switch (change) {
            case ACTIVATE -> new MemberActivated(id, actor, at);
            case SUSPEND -> new MemberSuspended(id, reason, actor, at);
            case REINSTATE -> new MemberReinstated(id, reason, actor, member.status.name(), at);
            case TERMINATE -> new MemberTerminated(id, reason, actor, at);
        };
    }
}
