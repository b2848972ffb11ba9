package io.downline.kyc.rest.dto;

import jakarta.validation.constraints.NotNull;

import io.downline.kyc.domain.KycLevel;

/** Opens a case of a level (BASIC or FULL). */
public record OpenCaseRequest(@NotNull KycLevel level) {
}
