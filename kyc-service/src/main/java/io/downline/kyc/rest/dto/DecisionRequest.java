package io.downline.kyc.rest.dto;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.downline.kyc.domain.DecisionOutcome;
import io.downline.kyc.domain.DocumentType;

/**
 * An officer's decision on the case they review, always with a reason; for REQUEST_RESUBMISSION, optionally the
 * document types the member must upload again.
 */
public record DecisionRequest(@NotNull DecisionOutcome outcome, @NotBlank @Size(max = 2000) String reason,
        @Size(max = 6) List<@NotNull DocumentType> documentTypes) {
}
