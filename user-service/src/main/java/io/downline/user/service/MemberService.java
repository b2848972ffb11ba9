package io.downline.user.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.platform.audit.AdminAudit;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberReinstated;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.paging.Page;
import io.downline.platform.http.ProblemException;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.platform.security.Caller;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.StatusChange;
import io.downline.user.repository.MemberRepository;
import io.downline.user.rest.dto.MemberView;
import io.downline.user.rest.dto.ProfileUpdateRequest;

/** Profiles, the status lifecycle and the admin search. */
@ApplicationScoped
public class MemberService {

    private final MemberRepository members;
    private final OutboxWriter outbox;
    private final AdminAudit audit;
    private final Caller caller;

    public MemberService(MemberRepository members, OutboxWriter outbox, AdminAudit audit, Caller caller) {
        this.members = members;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    public Member get(UUID id) {
        return members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Member", id));
    }

    @Transactional
    public Member updateProfile(UUID id, ProfileUpdateRequest request) {
        Member member = get(id);
        if (member.status == MemberStatus.TERMINATED) {
            throw ProblemException.unprocessable("A terminated member's profile cannot be changed");
        }
        MemberView before = MemberView.of(member);
        member.name = request.name().trim();
        member.phone = request.phone();
        member.country = request.country();
        member.updatedAt = Instant.now();
        members.flush();
        outbox.publish(EventType.MEMBER_PROFILE_UPDATED, member.id,
                new MemberProfileUpdated(member.id, member.name, member.phone, member.country, member.updatedAt));
        if (!caller.isMember(id)) {
            audit.record("member.update-profile", "member", id, before, MemberView.of(member));
        }
        return member;
    }

    /** Admin status change with a reason; refused when the current status does not allow it. */
    @Transactional
    public Member changeStatus(UUID id, StatusChange change, String reason) {
        Member member = get(id);
        if (member.isRoot() && change != StatusChange.ACTIVATE) {
            throw ProblemException.unprocessable("The root (company) member's status cannot be changed");
        }
        if (!change.allowedFrom(member.status)) {
            throw ProblemException.conflict("Member " + id + " is " + member.status + "; "
                    + change.name().toLowerCase() + " is not possible from that status");
        }
        MemberView before = MemberView.of(member);
        Instant now = Instant.now();
        member.status = change.target();
        member.updatedAt = now;
        members.flush();
        outbox.publish(eventType(change), member.id, payload(change, member.id, reason, caller.subject(), now));
        audit.record(change.action(), "member", id, before, MemberView.of(member));
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

    private static EventPayload payload(StatusChange change, UUID id, String reason, String actor, Instant at) {
        return switch (change) {
            case ACTIVATE -> new MemberActivated(id, actor, at);
            case SUSPEND -> new MemberSuspended(id, reason, actor, at);
            case REINSTATE -> new MemberReinstated(id, reason, actor, at);
            case TERMINATE -> new MemberTerminated(id, reason, actor, at);
        };
    }
}
