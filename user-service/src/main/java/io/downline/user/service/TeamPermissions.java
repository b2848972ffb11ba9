package io.downline.user.service;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may do what with a team, decided from the caller alone: their member id (if they have a profile) and
 * whether they are an admin or an auditor. Pure rules; {@link TeamAccess} feeds them the caller and the team.
 */
public record TeamPermissions(Optional<UUID> memberId, boolean admin, boolean auditor) {

    /** Admins and auditors see every team; a member only the teams they lead or belong to. */
    public boolean seesEveryTeam() {
        return admin || auditor;
    }

    /** The team's leader, its members, admins and auditors see a team. */
    public boolean maySee(UUID leaderId, boolean belongsToTeam) {
        return seesEveryTeam() || isSelf(leaderId) || belongsToTeam;
    }

    /** The leader or an admin adds members, sets targets and schedules or cancels meetings. */
    public boolean mayManage(UUID leaderId) {
        return admin || isSelf(leaderId);
    }

    /** Whoever may manage the team removes a member; a member may also leave a team themselves. */
    public boolean mayRemove(UUID leaderId, UUID memberId) {
        return mayManage(leaderId) || isSelf(memberId);
    }

    /** A member creates teams they lead; only an admin names another leader. */
    public boolean mayCreateFor(UUID leaderId) {
        return admin || isSelf(leaderId);
    }

    private boolean isSelf(UUID id) {
        return memberId.map(id::equals).orElse(false);
    }
}
