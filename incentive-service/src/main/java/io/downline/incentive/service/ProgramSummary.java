package io.downline.incentive.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.downline.incentive.domain.Program;

/** A program as the audit trail records it: what identifies it and where it stands. */
public record ProgramSummary(UUID id, String name, String status, LocalDate startDate, LocalDate endDate,
        String timeZone, int tiers, Instant publishedAt, Instant closedAt, Instant awardedAt) {

    public static ProgramSummary of(Program program) {
        return new ProgramSummary(program.id(), program.name(), program.status().name(),
                program.rules().window().startDate(), program.rules().window().endDate(),
                program.rules().window().zone().getId(), program.rules().tiers().size(), program.publishedAt(),
                program.closedAt(), program.awardedAt());
    }
}
