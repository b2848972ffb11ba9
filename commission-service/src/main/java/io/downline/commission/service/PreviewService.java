package io.downline.commission.service;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.config.CommissionConfig;
import io.downline.commission.domain.Amounts;
import io.downline.commission.domain.CloseComputation;
import io.downline.commission.domain.CloseResult;
import io.downline.commission.domain.CommissionWalk;
import io.downline.commission.domain.PaidLine;
import io.downline.commission.domain.Plan;
import io.downline.commission.domain.Rank;
import io.downline.commission.domain.UplineMember;
import io.downline.commission.domain.Walk;
import io.downline.commission.repository.CloseRepository;
import io.downline.commission.repository.PreviewRepository;
import io.downline.commission.repository.PreviewRepository.Frozen;
import io.downline.commission.repository.PreviewRepository.Paid;
import io.downline.platform.domain.ConflictException;

/**
 * Runs a plan version (a draft, typically) over a closed period's frozen tree and volumes and its sales, and
 * reports per member and in total what would change against what was paid. The preview reads each sale's
 * qualification from the period's final PV (the frozen figures), not from the PV "so far" at the moment of the
 * sale, and the paid-as ranks from the close before the period: a preview, not a recomputation of history.
 */
@ApplicationScoped
public class PreviewService {

    private final PreviewRepository frozenData;
    private final CloseRepository closes;
    private final PlanService plans;
    private final CommissionConfig config;

    public PreviewService(PreviewRepository frozenData, CloseRepository closes, PlanService plans,
            CommissionConfig config) {
        this.frozenData = frozenData;
        this.closes = closes;
        this.plans = plans;
        this.config = config;
    }

    @Transactional
    public Preview preview(int version, String period) throws SQLException {
        Plan draft = plans.get(version).plan();
        if (closes.find(period).isEmpty()) {
            throw new ConflictException("Period " + period + " has not been closed: there are no frozen figures to preview on");
        }
        Frozen frozen = frozenData.frozen(period);
        Paid paid = frozenData.sales(period, frozen);
        CloseResult ranks = CloseComputation.compute(draft, frozen.parent(), frozen.pv(), frozen.previousPv(),
                frozen.active());
        long[] draftPaid = new long[frozen.parent().length];
        long draftBreakage = 0;
        for (int s = 0; s < paid.seller().length; s++) {
            if (paid.seller()[s] < 0) {
                continue;
            }
            List<UplineMember> upline = upline(frozen, paid.seller()[s]);
            Walk walk = CommissionWalk.walk(draft, Amounts.ofCents(paid.cv()[s]), upline);
            for (PaidLine line : walk.lines()) {
                int i = ancestor(frozen, paid.seller()[s], line.step());
                draftPaid[i] += Amounts.cents(line.amount());
            }
            draftBreakage += Amounts.cents(walk.breakage());
        }
        List<MemberDelta> members = new ArrayList<>();
        long actualTotal = 0;
        long draftTotal = 0;
        int rankChanges = 0;
        Rank[] names = Rank.values();
        for (int i = 0; i < frozen.parent().length; i++) {
            actualTotal += paid.paid()[i];
            draftTotal += draftPaid[i];
            boolean rankChanged = ranks.rank()[i] != frozen.rank()[i];
            if (rankChanged) {
                rankChanges++;
            }
            if (rankChanged || draftPaid[i] != paid.paid()[i]) {
                members.add(new MemberDelta(new UUID(frozen.high()[i], frozen.low()[i]), Amounts.ofCents(paid.paid()[i]),
                        Amounts.ofCents(draftPaid[i]), Amounts.ofCents(draftPaid[i] - paid.paid()[i]),
                        names[frozen.rank()[i]].name(), names[ranks.rank()[i]].name()));
            }
        }
        int changed = members.size();
        members.sort(Comparator.comparing((MemberDelta m) -> m.difference().abs()).reversed()
                .thenComparing(MemberDelta::memberId));
        return new Preview(version, period, paid.seller().length, Amounts.ofCents(actualTotal),
                Amounts.ofCents(draftTotal), Amounts.ofCents(draftTotal - actualTotal), Amounts.ofCents(draftBreakage),
                rankChanges, changed, members.subList(0, Math.min(changed, config.preview().memberLimit())));
    }

    /** The seller's frozen upline, sponsor first, the root excluded; paid-as rank from the close before. */
    private static List<UplineMember> upline(Frozen frozen, int seller) {
        List<UplineMember> upline = new ArrayList<>();
        int step = 1;
        for (int i = frozen.parent()[seller]; i >= 0 && frozen.parent()[i] >= 0; i = frozen.parent()[i]) {
            upline.add(new UplineMember(step++, new UUID(frozen.high()[i], frozen.low()[i]), frozen.active()[i],
                    Amounts.ofCents(frozen.pv()[i]), Amounts.ofCents(frozen.previousPv()[i]),
                    Rank.values()[frozen.previousRank()[i]]));
        }
        return upline;
    }

    private static int ancestor(Frozen frozen, int seller, int step) {
        int i = seller;
        for (int k = 0; k < step; k++) {
            i = frozen.parent()[i];
        }
        return i;
    }

    /**
     * @param sales       the period's sales, refunded ones net of their refunds
     * @param paidNow     what the period's lines pay now
     * @param paidByDraft what the plan version would pay
     * @param changed     members whose pay or rank would change; {@code members} lists the largest differences
     */
    public record Preview(int planVersion, String period, int sales, BigDecimal paidNow, BigDecimal paidByDraft,
            BigDecimal difference, BigDecimal breakageByDraft, int rankChanges, int changed, List<MemberDelta> members) {
    }

    public record MemberDelta(UUID memberId, BigDecimal paidNow, BigDecimal paidByDraft, BigDecimal difference,
            String rankNow, String rankByDraft) {
    }
}
