package io.downline.notification.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.Money;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.testing.EventPublisher;

/** Events as the other services publish them, onto the real broker. */
public final class TestEvents {

    /** A registered member: their id, OIDC subject and name. */
    public record Member(UUID id, String subject, String name) {
        public String room() {
            return "member:" + id;
        }
    }

    private TestEvents() {
    }

    public static Member register(UUID sponsorId) {
        UUID id = UUID.randomUUID();
        String subject = "sub-" + id;
        String name = "Member " + id.toString().substring(0, 8);
        publishRegistration(id, subject, name, sponsorId);
        return new Member(id, subject, name);
    }

    public static EventEnvelope publishRegistration(UUID id, String subject, String name, UUID sponsorId) {
        return EventPublisher.publish(EventType.MEMBER_REGISTERED, "user-service", id,
                new MemberRegistered(id, subject + "@example.com", name, null, "US", "REF" + id.toString().substring(0, 6),
                        sponsorId, subject, "PENDING", Instant.now()));
    }

    public static UUID team(UUID leaderId, String name, UUID... members) {
        UUID teamId = UUID.randomUUID();
        EventPublisher.publish(EventType.TEAM_CREATED, "user-service", teamId,
                new TeamCreated(teamId, name, leaderId, Instant.now()));
        for (UUID member : members) {
            EventPublisher.publish(EventType.TEAM_MEMBER_ADDED, "user-service", teamId,
                    new TeamMemberAdded(teamId, member, Instant.now()));
        }
        return teamId;
    }

    public static EventEnvelope commission(UUID beneficiary, UUID seller, String amount) {
        return EventPublisher.publish(EventType.COMMISSION_EARNED, "commission-service", beneficiary,
                new CommissionEarned(UUID.randomUUID(), UUID.randomUUID(), beneficiary, seller, 1, new BigDecimal("0.10"),
                        new BigDecimal(amount).multiply(BigDecimal.TEN), Money.of(amount, "USD"), "MEMBER", "2026-11", 1,
                        Instant.now().plusSeconds(86400 * 14), Instant.now()));
    }

    public static List<String> types(List<com.fasterxml.jackson.databind.JsonNode> frames) {
        return frames.stream().map(f -> f.path("notificationType").asText()).toList();
    }
}
