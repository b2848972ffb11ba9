package io.downline.commission.rest.dto;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** @param activeFrom from when sales are computed with the version; now or later */
public record ActivationRequest(@NotNull Instant activeFrom) {
}
