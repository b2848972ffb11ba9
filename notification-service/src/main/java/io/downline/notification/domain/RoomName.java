package io.downline.notification.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * A room: {@code member:<id>}, {@code team:<id>}, {@code meeting:<id>}, {@code role:finance},
 * {@code role:kyc-review} (each a stream of stored, numbered notifications) or {@code analytics} (live figures
 * only, nothing stored).
 */
public record RoomName(Kind kind, UUID id) {

    public enum Kind {
        MEMBER("member"), TEAM("team"), MEETING("meeting"), FINANCE("role:finance"), KYC_REVIEW("role:kyc-review"),
        ANALYTICS("analytics");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        boolean hasId() {
            return this == MEMBER || this == TEAM || this == MEETING;
        }
    }

    public static final RoomName FINANCE = new RoomName(Kind.FINANCE, null);
    public static final RoomName KYC_REVIEW = new RoomName(Kind.KYC_REVIEW, null);
    public static final RoomName ANALYTICS = new RoomName(Kind.ANALYTICS, null);

    public RoomName {
        if (kind.hasId() != (id != null)) {
            throw new IllegalArgumentException(kind + (kind.hasId() ? " needs an id" : " takes no id"));
        }
    }

    public static RoomName member(UUID id) {
        return new RoomName(Kind.MEMBER, id);
    }

    public static RoomName team(UUID id) {
        return new RoomName(Kind.TEAM, id);
    }

    public static RoomName meeting(UUID id) {
        return new RoomName(Kind.MEETING, id);
    }

    /** Reads a room name as a client sends it; empty when it names no room. */
    public static Optional<RoomName> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (!kind.hasId() && kind.prefix.equals(text)) {
                return Optional.of(new RoomName(kind, null));
            }
            if (kind.hasId() && text.startsWith(kind.prefix + ":")) {
                return uuid(text.substring(kind.prefix.length() + 1)).map(id -> new RoomName(kind, id));
            }
        }
        return Optional.empty();
    }

    /** Whether the room keeps a numbered stream of notifications (all but analytics). */
    public boolean stored() {
        return kind != Kind.ANALYTICS;
    }

    @Override
    public String toString() {
        return kind.hasId() ? kind.prefix + ":" + id : kind.prefix;
    }

    private static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
