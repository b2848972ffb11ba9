package io.downline.commission.service;

import java.util.List;

import io.downline.commission.domain.PeriodSummary;

/**
 * What a close did.
 *
 * @param previousHash the hash of the close it replaced (a re-close after a re-open), else null
 * @param identical    whether a re-close gave exactly the earlier results
 * @param changed      how many members' PV, GV or rank differ from the earlier close
 * @param changes      the first of them (capped), in member-id order
 * @param timings      milliseconds spent loading, computing (in memory), hashing, and writing
 */
public record CloseOutcome(PeriodSummary summary, String previousHash, Boolean identical, int changed,
        List<MemberChange> changes, Timings timings, long events) {

    /** A member whose figures a re-close changed; volumes as decimal strings, ranks by name. */
    public record MemberChange(String memberId, String pvBefore, String pvAfter, String gvBefore, String gvAfter,
            String rankBefore, String rankAfter) {
    }

    public record Timings(long loadMs, long computeMs, long hashMs, long writeMs) {
    }
}
