package io.downline.user.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A member of the leader's downline to add to the team. */
public record TeamMemberRequest(@NotNull UUID memberId) {
}
