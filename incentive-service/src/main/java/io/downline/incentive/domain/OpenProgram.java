package io.downline.incentive.domain;

import java.time.Instant;
import java.util.UUID;

/** A published program as the engine sees it: its frozen rules. */
public record OpenProgram(UUID id, String name, ProgramRules rules, Instant publishedAt) {
}
