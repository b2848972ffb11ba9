package io.downline.audit.domain;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who caused an event: the first text among the payload's {@code actor} (admin actions, member status changes,
 * sponsor changes), {@code reviewer} (KYC and payout decisions) and {@code awardedBy} (incentive awards). Null when
 * the payload names nobody: the event was caused by the system (a sale, a period close, a released commission).
 */
public final class Actors {

    static final List<String> FIELDS = List.of("actor", "reviewer", "awardedBy");

    private Actors() {
    }

    public static String of(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        for (String field : FIELDS) {
            JsonNode value = payload.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
