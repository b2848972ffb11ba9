package io.downline.commission.domain;

/**
 * Rule 4 of the plan: an upline is qualified when their account is active and their personal volume is at least
 * the plan's qualifying volume in the current period so far, or in the previous period.
 */
public final class Qualification {

    private Qualification() {
    }

    public static boolean qualified(Plan plan, UplineMember member) {
        return member.active() && (member.pvCurrent().compareTo(plan.qualifyingVolume()) >= 0
                || member.pvPrevious().compareTo(plan.qualifyingVolume()) >= 0);
    }

    /** The figures behind the verdict, e.g. "qualified: PV 80.00 this period ≥ 50.00". */
    public static String describe(Plan plan, UplineMember member) {
        String needed = plan.qualifyingVolume().toPlainString();
        if (!member.active()) {
            return "account not active";
        }
        if (member.pvCurrent().compareTo(plan.qualifyingVolume()) >= 0) {
            return "qualified: PV " + member.pvCurrent().toPlainString() + " this period ≥ " + needed;
        }
        if (member.pvPrevious().compareTo(plan.qualifyingVolume()) >= 0) {
            return "qualified: PV " + member.pvPrevious().toPlainString() + " last period ≥ " + needed;
        }
        return "PV " + member.pvCurrent().toPlainString() + " this period and " + member.pvPrevious().toPlainString()
                + " last period, both below " + needed;
    }
}
