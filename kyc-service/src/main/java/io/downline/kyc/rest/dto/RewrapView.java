package io.downline.kyc.rest.dto;

import java.util.Map;

import io.downline.kyc.service.KeyRotationService.Rewrap;

/** The outcome of a re-wrap: the active key, how many documents moved to it, and how many each key now wraps. */
public record RewrapView(String activeKeyId, int rewrapped, Map<String, Long> documentsByKey) {

    public static RewrapView of(Rewrap rewrap) {
        return new RewrapView(rewrap.activeKeyId(), rewrap.rewrapped(), rewrap.documentsByKey());
    }
}
