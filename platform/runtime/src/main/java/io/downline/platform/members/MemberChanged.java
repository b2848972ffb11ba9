package io.downline.platform.members;

/**
 * The projection changed a member. Fired synchronously inside the transaction that applies the event: an
 * observer ({@code void on(@Observes MemberChanged change)}) may keep the service's own columns or react, and
 * commits or rolls back together with the projection and the event's processed mark. An observer that throws
 * makes the event fail and be retried.
 *
 * @param before    the member before the event; null when the event registered them
 * @param after     the member after the event
 * @param eventType the {@code ce_type} that caused the change, e.g. {@code member.suspended}
 */
public record MemberChanged(ProjectedMember before, ProjectedMember after, String eventType) {
}
