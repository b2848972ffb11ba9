package io.downline.kyc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.ConflictException;

class KycCaseTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Set<DocumentType> BASIC_DOCS = Set.of(DocumentType.PASSPORT, DocumentType.SELFIE);

    private final UUID member = UUID.randomUUID();

    private KycCase draft(KycLevel level) {
        return KycCase.open(UUID.randomUUID(), member, level, "DE", T0);
    }

    private KycCase inReview() {
        return draft(KycLevel.BASIC).submit(BASIC_DOCS, BASIC_DOCS, T0.plusSeconds(1)).claim("officer", null,
                T0.plusSeconds(2));
    }

    @Test
    void levelsRequireTheirDocuments() {
        assertThat(KycLevel.BASIC.missing(Set.of())).hasSize(2);
        assertThat(KycLevel.BASIC.missing(Set.of(DocumentType.DRIVING_LICENCE, DocumentType.SELFIE))).isEmpty();
        assertThat(KycLevel.FULL.missing(BASIC_DOCS)).containsExactly("PROOF_OF_ADDRESS", "TAX_FORM");
        assertThatThrownBy(() -> draft(KycLevel.BASIC).submit(Set.of(DocumentType.SELFIE), Set.of(), T0))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("identity document");
    }

    @Test
    void happyPathToApprovalSetsTheExpiry() {
        KycCase approved = inReview().decide("officer", DecisionOutcome.APPROVE, " fine ", List.of(), YEAR,
                T0.plusSeconds(3));
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.reason()).isEqualTo("fine");
        assertThat(approved.expiresAt()).isEqualTo(T0.plusSeconds(3).plus(YEAR));
        assertThat(approved.expiredAt(approved.expiresAt().minusNanos(1))).isFalse();
        assertThat(approved.expire(approved.expiresAt()).status()).isEqualTo(CaseStatus.EXPIRED);
    }

    @Test
    void transitionsNotAllowedFromTheStateAreConflicts() {
        KycCase draft = draft(KycLevel.BASIC);
        assertThatThrownBy(() -> draft.claim("officer", null, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> draft.decide("officer", DecisionOutcome.APPROVE, "x", List.of(), YEAR, T0))
                .isInstanceOf(ConflictException.class);
        KycCase review = inReview();
        assertThatThrownBy(() -> review.claim("other", null, T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> review.submit(BASIC_DOCS, BASIC_DOCS, T0)).isInstanceOf(ConflictException.class);
        KycCase rejected = review.decide("officer", DecisionOutcome.REJECT, "fake", List.of(), YEAR, T0);
        assertThatThrownBy(() -> rejected.decide("officer", DecisionOutcome.APPROVE, "x", List.of(), YEAR, T0))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> rejected.close("terminated", T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> review.expire(T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void nobodyReviewsTheirOwnCaseAndOnlyTheClaimerDecides() {
        KycCase submitted = draft(KycLevel.BASIC).submit(BASIC_DOCS, BASIC_DOCS, T0);
        assertThatThrownBy(() -> submitted.claim("me", member, T0)).isInstanceOf(AccessDeniedException.class);
        KycCase review = submitted.claim("officer", UUID.randomUUID(), T0);
        assertThatThrownBy(() -> review.decide("another", DecisionOutcome.APPROVE, "ok", List.of(), YEAR, T0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.decide("officer", DecisionOutcome.APPROVE, "  ", List.of(), YEAR, T0))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void resubmissionNeedsTheAskedTypesUploadedAgain() {
        KycCase back = inReview().decide("officer", DecisionOutcome.REQUEST_RESUBMISSION, "blurred",
                List.of(DocumentType.SELFIE), YEAR, T0.plusSeconds(5));
        assertThat(back.resubmissionRequestedAt()).isEqualTo(T0.plusSeconds(5));
        assertThatThrownBy(() -> back.submit(BASIC_DOCS, Set.of(DocumentType.PASSPORT), T0.plusSeconds(6)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("SELFIE");
        KycCase again = back.submit(BASIC_DOCS, Set.of(DocumentType.SELFIE), T0.plusSeconds(7));
        assertThat(again.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(again.reviewer()).isNull();
        assertThat(again.submittedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void openCasesCloseOthersDoNot() {
        assertThat(draft(KycLevel.FULL).close("terminated", T0).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(inReview().close("terminated", T0).closedAt()).isEqualTo(T0);
        KycCase approved = inReview().decide("officer", DecisionOutcome.APPROVE, "ok", List.of(), YEAR, T0);
        assertThatThrownBy(() -> approved.close("terminated", T0)).isInstanceOf(ConflictException.class);
    }
}
