package io.downline.incentive.domain;

import java.math.BigDecimal;

/** A member's figures in one program's window: what the criteria are measured against. */
public record Figures(BigDecimal personalVolume, BigDecimal groupVolume, int newPersonallySponsored, Rank highestRank,
        boolean kycApproved) {

    public static final Figures NONE = new Figures(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0,
            Rank.MEMBER, false);

    public BigDecimal value(Metric metric) {
        return switch (metric) {
            case PERSONAL_VOLUME -> personalVolume;
            case GROUP_VOLUME -> groupVolume;
            case NEW_PERSONALLY_SPONSORED -> BigDecimal.valueOf(newPersonallySponsored);
            case RANK_REACHED -> BigDecimal.valueOf(highestRank.ordinal());
            case KYC_APPROVED -> kycApproved ? BigDecimal.ONE : BigDecimal.ZERO;
        };
    }
}
