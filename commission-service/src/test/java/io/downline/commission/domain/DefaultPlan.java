package io.downline.commission.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The default plan (version 1) as the migration loads it. */
final class DefaultPlan {

    static final String JSON = read();
    static final Plan PLAN = PlanDocument.parse(JSON);

    private DefaultPlan() {
    }

    private static String read() {
        try (InputStream in = PlanDocument.class.getResourceAsStream("default-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
