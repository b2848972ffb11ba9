package io.downline.notification.domain;

import java.math.BigDecimal;

/** The analytics room's figures: members signed up, sales volume and commissions net of refunds, payouts waiting. */
public record LiveFigures(long signups, BigDecimal salesVolume, BigDecimal commissions, long payoutsWaiting) {
}
