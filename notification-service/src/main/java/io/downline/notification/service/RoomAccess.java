package io.downline.notification.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.domain.RoomName;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.members.MemberProjectionStore;
import io.downline.platform.security.Roles;

/**
 * Who may join which room: a member their own room and those of their teams and their teams' meetings; finance
 * the finance room, KYC officers the KYC-review room, admins the analytics room.
 */
@ApplicationScoped
public class RoomAccess {

    private final TeamRepository teams;
    private final MemberProjectionStore members;

    public RoomAccess(TeamRepository teams, MemberProjectionStore members) {
        this.teams = teams;
        this.members = members;
    }

    @Transactional
    public Viewer viewer(String subject, Set<String> roles) {
        Optional<UUID> memberId = members.findBySubject(subject).map(m -> m.memberId());
        return new Viewer(subject, memberId, roles);
    }

    @Transactional
    public boolean mayJoin(Viewer viewer, RoomName room) {
        return switch (room.kind()) {
            case MEMBER -> viewer.memberId().map(room.id()::equals).orElse(false);
            case TEAM -> viewer.memberId().map(me -> teams.belongs(me, room.id())).orElse(false);
            case MEETING -> viewer.memberId().flatMap(me -> teams.teamOfMeeting(room.id())
                    .map(team -> teams.belongs(me, team))).orElse(false);
            case FINANCE -> viewer.roles().contains(Roles.FINANCE);
            case KYC_REVIEW -> viewer.roles().contains(Roles.KYC_OFFICER);
            case ANALYTICS -> viewer.roles().contains(Roles.ADMIN);
        };
    }
}
