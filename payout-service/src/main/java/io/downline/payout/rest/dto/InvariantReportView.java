package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.downline.payout.domain.InvariantReport;

/** The ledger check: {@code holds} is true when no invariant is breached; each breach names its account. */
public record InvariantReportView(boolean holds, Instant checkedAt, long transfers, long accounts,
        BigDecimal sumOfAllBalances, List<InvariantReport.Breach> breaches) {

    public static InvariantReportView of(InvariantReport report) {
        return new InvariantReportView(report.holds(), report.checkedAt(), report.transfers(), report.accounts(),
                report.sumOfAllBalances(), report.breaches());
    }
}
