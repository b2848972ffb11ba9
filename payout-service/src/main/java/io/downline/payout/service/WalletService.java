package io.downline.payout.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.payout.domain.Balances;
import io.downline.payout.domain.InvariantReport;
import io.downline.payout.domain.StatementLine;
import io.downline.payout.repository.InvariantRepository;
import io.downline.payout.repository.LedgerRepository;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;


/** Reading the ledger: a member's balances and statement, and the invariant check. */
@ApplicationScoped
public class WalletService {

    private static final String[] STAFF_READERS = { Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR };

    private final LedgerRepository ledger;
    private final InvariantRepository invariants;
    private final Caller caller;
    private final Clock clock;

    public WalletService(LedgerRepository ledger, InvariantRepository invariants, Caller caller, Clock clock) {
        this.ledger = ledger;
        this.invariants = invariants;
        this.caller = caller;
        this.clock = clock;
    }

    /** The member's balances (yourself, or staff); a member without postings has zero everywhere. */
    public Balances balances(UUID memberId) {
        caller.requireSelfOrRole(memberId, STAFF_READERS);
        return ledger.find(memberId).orElse(Balances.ZERO);
    }

    /** The member's transfers, newest first, each with its cause. */
    public Page<StatementLine> statement(UUID memberId, int page, int size) {
        caller.requireSelfOrRole(memberId, STAFF_READERS);
        return new Page<>(ledger.statement(memberId, page, size), page, size, ledger.statementCount(memberId));
    }

    public UUID self() {
        return caller.requireMemberId();
    }

    public InvariantReport checkInvariants() {
        return invariants.check(clock.instant());
    }
}
