package io.downline.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class KycBadgeTest {

    private static final KycBadge NONE = new KycBadge(null, null, null, null);
    private static final Instant Y2031 = Instant.parse("2031-01-01T00:00:00Z");
    private static final Instant Y2032 = Instant.parse("2032-01-01T00:00:00Z");

    @Test
    void theExpiryOfAnOldCaseAfterARenewalOfItsLevelChangesNothing() {
        UUID oldCase = UUID.randomUUID();
        UUID renewed = UUID.randomUUID();
        KycBadge badge = NONE.approved(oldCase, "BASIC", Y2031).approved(renewed, "BASIC", Y2032);

        assertThat(badge.expired(oldCase, "BASIC")).isEqualTo(new KycBadge("BASIC", "APPROVED", Y2032, renewed));
        assertThat(badge.expired(renewed, "BASIC").status()).isEqualTo("EXPIRED");
    }

    @Test
    void aLowerLevelNeitherReplacesNorExpiresTheBadge() {
        UUID full = UUID.randomUUID();
        UUID basic = UUID.randomUUID();
        KycBadge badge = NONE.approved(full, "FULL", Y2031).approved(basic, "BASIC", Y2032);

        assertThat(badge).isEqualTo(new KycBadge("FULL", "APPROVED", Y2031, full));
        assertThat(badge.expired(basic, "BASIC")).isEqualTo(badge);
    }

    @Test
    void aRejectionShowsOnlyWithoutAnApproval() {
        assertThat(NONE.rejected().status()).isEqualTo("REJECTED");
        KycBadge approved = NONE.approved(UUID.randomUUID(), "BASIC", Y2031);
        assertThat(approved.rejected()).isEqualTo(approved);
    }

    @Test
    void aBadgeFromBeforeCasesWereKeptExpiresByItsLevel() {
        KycBadge legacy = new KycBadge("FULL", "APPROVED", Y2031, null);

        assertThat(legacy.expired(UUID.randomUUID(), "BASIC")).isEqualTo(legacy);
        assertThat(legacy.expired(UUID.randomUUID(), "FULL").status()).isEqualTo("EXPIRED");
    }
}
