package io.downline.user.service;

import java.math.BigDecimal;

/**
 * A team's target for one period (null when none was set): the before and after of a target change.
 *
 * @param period yyyy-MM, see {@link io.downline.user.domain.Period}
 */
public record TeamTarget(String period, BigDecimal target) {
}
