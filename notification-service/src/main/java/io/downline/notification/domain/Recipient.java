package io.downline.notification.domain;

import java.util.UUID;

/** Who a draft notification is for, before the service expands it to streams. */
public sealed interface Recipient {

    /** One member's inbox. */
    record Member(UUID memberId) implements Recipient {
    }

    /** The inbox of every member of the team, its leader included. */
    record TeamMembers(UUID teamId) implements Recipient {
    }

    /** The inbox of every member of the team the meeting belongs to, its leader included. */
    record MeetingAttendees(UUID meetingId) implements Recipient {
    }

    /** A shared room's stream: a team, a meeting or a role room. */
    record Room(RoomName room) implements Recipient {
    }
}
