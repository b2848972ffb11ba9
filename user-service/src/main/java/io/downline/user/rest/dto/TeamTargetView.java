package io.downline.user.rest.dto;

import java.math.BigDecimal;

/** A team's target for one period (null when none was set); the before and after of a target change. */
public record TeamTargetView(String period, BigDecimal target) {
}
