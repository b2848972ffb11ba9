package io.downline.commission.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's walk with dynamic compression (docs/compensation-plan.md, rule 6): start at level 1 with the
 * seller's sponsor and go up; an unqualified upline is skipped, an upline whose paid-as rank is paid less deep
 * than the open level is skipped, anyone else is paid the open level and the level moves up. Skips never use up a
 * level. Stops after the plan's last level or at the end of the given upline (the root is never given).
 */
public final class CommissionWalk {

    private CommissionWalk() {
    }

    /**
     * @param upline the seller's upline, sponsor first, without the root (company) member
     */
    public static Walk walk(Plan plan, BigDecimal commissionableVolume, List<UplineMember> upline) {
        List<PaidLine> lines = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        int level = 1;
        for (UplineMember member : upline) {
            if (level > plan.levels()) {
                break;
            }
            if (!Qualification.qualified(plan, member)) {
                skips.add(new Skip(member.step(), member.memberId(), level, Skip.NOT_QUALIFIED,
                        Qualification.describe(plan, member)));
                continue;
            }
            int depth = plan.paysLevels(member.paidAsRank());
            if (depth < level) {
                skips.add(new Skip(member.step(), member.memberId(), level, Skip.rankPays(depth),
                        member.paidAsRank() + " is paid " + depth + " levels deep; the open level is " + level));
                continue;
            }
            BigDecimal rate = plan.rate(level);
            BigDecimal amount = Amounts.halfEven(commissionableVolume.multiply(rate));
            lines.add(new PaidLine(level, member.step(), member.memberId(), rate, amount, member.paidAsRank(),
                    "level " + level + " at " + percent(rate) + ": " + Qualification.describe(plan, member) + "; "
                            + member.paidAsRank() + " pays " + depth + " levels"));
            level++;
        }
        BigDecimal unpaidLevels = Amounts.ZERO;
        for (int open = level; open <= plan.levels(); open++) {
            unpaidLevels = unpaidLevels.add(Amounts.halfEven(commissionableVolume.multiply(plan.rate(open))));
        }
        BigDecimal capped = applyCap(plan, commissionableVolume, lines);
        return new Walk(commissionableVolume, lines, skips, unpaidLevels.add(capped), capped);
    }

    /**
     * Rounding each line half-even can make the lines of a small sale sum to more than the plan's share; the cap
     * (CV × payoutCap, rounded down to the cent) is the most a sale ever pays, and the excess is taken back from
     * the deepest lines first. Returns what was taken back.
     */
    static BigDecimal applyCap(Plan plan, BigDecimal commissionableVolume, List<PaidLine> lines) {
        BigDecimal cap = Amounts.floor(commissionableVolume.multiply(plan.payoutCap()));
        BigDecimal excess = lines.stream().map(PaidLine::amount).reduce(Amounts.ZERO, BigDecimal::add).subtract(cap);
        BigDecimal taken = Amounts.ZERO;
        for (int i = lines.size() - 1; i >= 0 && excess.signum() > 0; i--) {
            PaidLine line = lines.get(i);
            BigDecimal reduction = line.amount().min(excess);
            if (reduction.signum() > 0) {
                lines.set(i, line.reducedBy(reduction));
                excess = excess.subtract(reduction);
                taken = taken.add(reduction);
            }
        }
        return taken;
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
