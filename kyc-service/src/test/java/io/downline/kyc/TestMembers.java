package io.downline.kyc;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.MemberSuspended;
import io.downline.platform.events.users.MemberTerminated;
import io.downline.platform.testing.EventPublisher;
import io.downline.platform.testing.Tokens;

/** Members as user-service announces them on users.events.v1, known here once the projection has them. */
public final class TestMembers {

    public static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SOURCE = "user-service";

    private TestMembers() {
    }

    public record Member(UUID id, String subject, String token) {
    }

    public static Member register() {
        return register("DE");
    }

    public static Member register(String country) {
        UUID id = UUID.randomUUID();
        String subject = "member-" + id;
        EventPublisher.publish(EventType.MEMBER_REGISTERED, SOURCE, id, new MemberRegistered(id,
                subject + "@example.com", "Member " + id, null, country, "REF" + id.toString().substring(0, 8),
                UUID.randomUUID(), subject, "ACTIVE", Instant.now()));
        awaitProjected(id, "ACTIVE");
        return new Member(id, subject, Tokens.member(subject));
    }

    /** A KYC officer who is no member. */
    public static String officer(String subject) {
        return Tokens.of(subject, "kyc-officer");
    }

    public static EventEnvelope suspend(Member member) {
        EventEnvelope event = EventPublisher.publish(EventType.MEMBER_SUSPENDED, SOURCE, member.id(),
                new MemberSuspended(member.id(), "test", "admin", Instant.now()));
        awaitProjected(member.id(), "SUSPENDED");
        return event;
    }

    public static EventEnvelope terminate(Member member) {
        EventEnvelope event = EventPublisher.publish(EventType.MEMBER_TERMINATED, SOURCE, member.id(),
                new MemberTerminated(member.id(), "test", "admin", Instant.now()));
        awaitProjected(member.id(), "TERMINATED");
        return event;
    }

    public static void moveTo(Member member, String country) {
        EventPublisher.publish(EventType.MEMBER_PROFILE_UPDATED, SOURCE, member.id(),
                new MemberProfileUpdated(member.id(), "Member " + member.id(), null, country, Instant.now()));
        await().atMost(PATIENCE).until(() -> country.equals(
                Db.value("SELECT country FROM member_projection WHERE member_id = ?", member.id())));
    }

    private static void awaitProjected(UUID id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(
                Db.value("SELECT status FROM member_projection WHERE member_id = ?", id)));
    }
}
