package io.downline.incentive.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.downline.incentive.domain.Criterion;
import io.downline.incentive.domain.Figures;
import io.downline.incentive.domain.Qualification;
import io.downline.incentive.domain.Tier;
import io.downline.incentive.service.MemberProgress;

/**
 * A member's progress against every criterion of every tier of a program.
 *
 * @param position leaderboard position (equal scores share one); null when not eligible or no progress yet
 * @param score    the leaderboard's order: 100 per tier reached plus the percent towards the next tier
 */
public record ProgressView(UUID programId, String programName, UUID memberId, boolean eligible, FiguresView figures,
        int tierReached, int criteriaMet, int criteriaTotal, BigDecimal progressPercent, BigDecimal score,
        Long position, List<TierProgressView> tiers, List<QualificationView> qualifications, AwardView award) {

    public record FiguresView(BigDecimal personalVolume, BigDecimal groupVolume, int newPersonallySponsored,
            String highestRank, boolean kycApproved) {
    }

    public record TierProgressView(int level, String name, boolean reached, List<CriterionProgressView> criteria) {
    }

    /** @param actual the member's figure for this metric (a rank name for RANK_REACHED, true/false for KYC_APPROVED) */
    public record CriterionProgressView(String metric, BigDecimal target, String rank, String actual, boolean met) {
    }

    public record QualificationView(int level, String tier, Instant qualifiedAt, Instant lostAt) {
    }

    public static ProgressView of(MemberProgress progress, String currency) {
        Figures figures = progress.figures();
        List<Tier> tiers = progress.program().rules().tiers();
        return new ProgressView(progress.program().id(), progress.program().name(), progress.memberId(),
                progress.eligible(), new FiguresView(figures.personalVolume(), figures.groupVolume(),
                        figures.newPersonallySponsored(), figures.highestRank().name(), figures.kycApproved()),
                progress.evaluation().tierReached(), progress.evaluation().criteriaMet(),
                progress.evaluation().criteriaTotal(), progress.evaluation().progressPercent(),
                progress.evaluation().score(), progress.position().orElse(null),
                tiers.stream().map(t -> new TierProgressView(t.level(), t.name(),
                        t.level() <= progress.evaluation().tierReached(),
                        t.criteria().stream().map(c -> criterion(c, figures)).toList())).toList(),
                progress.qualifications().stream().map(q -> qualification(q, tiers)).toList(),
                progress.award().map(a -> AwardView.of(a, tiers.get(a.level() - 1).name())).orElse(null));
    }

    private static CriterionProgressView criterion(Criterion criterion, Figures figures) {
        String actual = switch (criterion.metric()) {
            case RANK_REACHED -> figures.highestRank().name();
            case NEW_PERSONALLY_SPONSORED -> String.valueOf(figures.newPersonallySponsored());
            case KYC_APPROVED -> String.valueOf(figures.kycApproved());
            default -> figures.value(criterion.metric()).toPlainString();
        };
        return new CriterionProgressView(criterion.metric().name(), criterion.target(),
                criterion.rank() == null ? null : criterion.rank().name(), actual, criterion.isMetBy(figures));
    }

    private static QualificationView qualification(Qualification qualification, List<Tier> tiers) {
        return new QualificationView(qualification.level(), tiers.get(qualification.level() - 1).name(),
                qualification.qualifiedAt(), qualification.lostAt());
    }
}
