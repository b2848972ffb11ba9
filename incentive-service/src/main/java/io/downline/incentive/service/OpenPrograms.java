package io.downline.incentive.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.incentive.domain.OpenProgram;
import io.downline.incentive.domain.Program;
import io.downline.incentive.domain.ProgramStatus;
import io.downline.incentive.repository.ProgramStore;

/**
 * The rules of published programs, kept in memory: a published program's rules never change (the database refuses
 * it), so an entry never goes stale. Which programs are published is always read from the database.
 */
@ApplicationScoped
public class OpenPrograms {

    private final ProgramStore programs;
    private final Map<UUID, OpenProgram> rules = new ConcurrentHashMap<>();

    public OpenPrograms(ProgramStore programs) {
        this.programs = programs;
    }

    /** The rules of a program the caller has just read as published or closed. */
    public OpenProgram get(UUID id) {
        OpenProgram cached = rules.get(id);
        if (cached != null) {
            return cached;
        }
        Program program = programs.find(id).filter(p -> p.status() != ProgramStatus.DRAFT)
                .orElseThrow(() -> new IllegalStateException("Program " + id + " is not published"));
        OpenProgram open = new OpenProgram(program.id(), program.name(), program.rules(), program.publishedAt());
        rules.put(id, open);
        return open;
    }
}
