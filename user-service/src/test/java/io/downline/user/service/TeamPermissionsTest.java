package io.downline.user.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TeamPermissionsTest {

    private static final UUID LEADER = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();

    private static TeamPermissions member(UUID id) {
        return new TeamPermissions(Optional.of(id), false, false);
    }

    @Test
    void theLeaderSeesAndManagesTheirTeam() {
        TeamPermissions leader = member(LEADER);
        assertThat(leader.maySee(LEADER, false)).isTrue();
        assertThat(leader.mayManage(LEADER)).isTrue();
        assertThat(leader.mayRemove(LEADER, MEMBER)).isTrue();
        assertThat(leader.mayCreateFor(LEADER)).isTrue();
        assertThat(leader.seesEveryTeam()).isFalse();
    }

    @Test
    void aTeamMemberSeesTheTeamAndMayOnlyLeaveIt() {
        TeamPermissions member = member(MEMBER);
        assertThat(member.maySee(LEADER, true)).isTrue();
        assertThat(member.mayManage(LEADER)).isFalse();
        assertThat(member.mayRemove(LEADER, MEMBER)).as("leaving").isTrue();
        assertThat(member.mayRemove(LEADER, UUID.randomUUID())).as("removing someone else").isFalse();
        assertThat(member.mayCreateFor(LEADER)).isFalse();
    }

    @Test
    void anOutsiderNeitherSeesNorManages() {
        TeamPermissions outsider = member(UUID.randomUUID());
        assertThat(outsider.maySee(LEADER, false)).isFalse();
        assertThat(outsider.mayManage(LEADER)).isFalse();
        assertThat(outsider.mayRemove(LEADER, MEMBER)).isFalse();
    }

    @Test
    void aCallerWithoutAProfileIsNobodysLeaderOrMember() {
        TeamPermissions nobody = new TeamPermissions(Optional.empty(), false, false);
        assertThat(nobody.maySee(LEADER, false)).isFalse();
        assertThat(nobody.mayManage(LEADER)).isFalse();
        assertThat(nobody.mayCreateFor(LEADER)).isFalse();
    }

    @Test
    void anAdminSeesAndManagesEveryTeam() {
        TeamPermissions admin = new TeamPermissions(Optional.empty(), true, false);
        assertThat(admin.seesEveryTeam()).isTrue();
        assertThat(admin.maySee(LEADER, false)).isTrue();
        assertThat(admin.mayManage(LEADER)).isTrue();
        assertThat(admin.mayRemove(LEADER, MEMBER)).isTrue();
        assertThat(admin.mayCreateFor(LEADER)).isTrue();
    }

    @Test
    void anAuditorSeesEveryTeamButManagesNone() {
        TeamPermissions auditor = new TeamPermissions(Optional.empty(), false, true);
        assertThat(auditor.seesEveryTeam()).isTrue();
        assertThat(auditor.maySee(LEADER, false)).isTrue();
        assertThat(auditor.mayManage(LEADER)).isFalse();
        assertThat(auditor.mayRemove(LEADER, MEMBER)).isFalse();
        assertThat(auditor.mayCreateFor(LEADER)).isFalse();
    }
}
