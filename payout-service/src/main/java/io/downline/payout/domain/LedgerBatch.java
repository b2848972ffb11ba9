package io.downline.payout.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.downline.platform.domain.BusinessRuleException;

/**
 * The postings of several causes against wallets locked once, in memory: each cause is planned against the
 * balances the previous ones left and sees the causes posted before it, exactly as if each had been posted on
 * its own in the same order. What it collects (the transfers in order, each wallet's final balances, each
 * posting) is written by the ledger in a few statements. Pure: no I/O.
 */
public final class LedgerBatch {

    /** One cause posted to one member's wallet. */
    public record Posted(UUID memberId, UUID causeId, LedgerReason reason, Posting posting) {
    }

    private final Map<UUID, Balances> balances;
    private final Map<UUID, Set<LedgerReason>> applied;
    private final Map<UUID, Balances> changed = new LinkedHashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<Posted> postings = new ArrayList<>();

    /**
     * @param locked  the balances of every wallet the batch may post to, locked by the caller
     * @param applied the reasons already posted for each cause the batch may refer to
     */
    public LedgerBatch(Map<UUID, Balances> locked, Map<UUID, Set<LedgerReason>> applied) {
        this.balances = new HashMap<>(locked);
        this.applied = new HashMap<>(applied);
    }

    /** Whether the cause was posted, before the batch or earlier in it. */
    public boolean applied(UUID causeId, LedgerReason reason) {
        Set<LedgerReason> reasons = applied.get(causeId);
        return reasons != null && reasons.contains(reason);
    }

    /** The same rule as a single posting: nothing when the cause was posted, refused when it breaks a balance rule. */
    public void post(UUID memberId, UUID causeId, LedgerReason reason, Function<Balances, List<Transfer>> plan) {
        Balances before = balances.get(memberId);
        if (before == null) {
            throw new IllegalStateException("The wallet of member " + memberId + " is not locked by this batch");
        }
        if (applied(causeId, reason)) {
            return;
        }
        List<Transfer> planned = plan.apply(before);
        Balances after = before.after(planned);
        if (!after.valid()) {
            throw new BusinessRuleException("The " + reason + " posting would leave the wallet of member " + memberId
                    + " outside its rules");
        }
        balances.put(memberId, after);
        changed.put(memberId, after);
        applied.computeIfAbsent(causeId, id -> EnumSet.noneOf(LedgerReason.class)).add(reason);
        transfers.addAll(planned);
        postings.add(new Posted(memberId, causeId, reason, new Posting(before, after, planned)));
    }

    /** Every transfer planned, in posting order. */
    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    /** The final balances of each wallet a posting changed. */
    public Map<UUID, Balances> changedWallets() {
        return Map.copyOf(changed);
    }

    /** Every posting, in order. */
    public List<Posted> postings() {
        return List.copyOf(postings);
    }
}
