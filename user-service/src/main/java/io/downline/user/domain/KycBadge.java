package io.downline.user.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The KYC badge on a member, a projection of kyc.* events: the highest approved level, the latest outcome,
 * the expiry, and the case it shows. Each method returns the badge after an event.
 */
public record KycBadge(String level, String status, Instant expiresAt, UUID caseId) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";
    private static final Map<String, Integer> LEVEL_ORDER = Map.of("BASIC", 1, "FULL", 2);

    /** The badge shows the highest level currently approved; a renewal of that level moves it to the new case. */
    public KycBadge approved(UUID approvedCase, String approvedLevel, Instant approvedUntil) {
        boolean holdsApproval = APPROVED.equals(status) && level != null;
        if (!holdsApproval || order(approvedLevel) >= order(level)) {
            return new KycBadge(approvedLevel, APPROVED, approvedUntil, approvedCase);
        }
        return this;
    }

    /** A rejection shows only while the member holds no approved level. */
    public KycBadge rejected() {
        return APPROVED.equals(status) ? this : new KycBadge(level, REJECTED, expiresAt, caseId);
    }

    /**
     * Only the expiry of the case the badge shows matters: an older case of the same level, renewed since, or a
     * lower level changes nothing. A badge from before cases were kept falls back to comparing the level.
     */
    public KycBadge expired(UUID expiredCase, String expiredLevel) {
        boolean shown = caseId != null ? caseId.equals(expiredCase) : expiredLevel.equals(level);
        return shown ? new KycBadge(level, EXPIRED, expiresAt, caseId) : this;
    }

    private static int order(String level) {
        return LEVEL_ORDER.getOrDefault(level, 0);
    }
}
