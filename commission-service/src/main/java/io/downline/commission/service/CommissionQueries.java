package io.downline.commission.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.commission.domain.CommissionLine;
import io.downline.commission.domain.MemberOutcome;
import io.downline.commission.domain.SaleExplanation;
import io.downline.commission.domain.SaleRecord;
import io.downline.commission.repository.LineRepository;
import io.downline.commission.repository.SaleRepository;
import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.events.EventJson;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/** Reading lines and explanations: a member their own lines and their part in their downline's sales; staff all. */
@ApplicationScoped
public class CommissionQueries {

    private static final String[] READERS = { Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE };

    private final LineRepository lines;
    private final SaleRepository sales;
    private final PlanService plans;
    private final Caller caller;

    public CommissionQueries(LineRepository lines, SaleRepository sales, PlanService plans, Caller caller) {
        this.lines = lines;
        this.sales = sales;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional
    public Page<CommissionLine> lines(UUID memberId, String period, int page, int size) {
        caller.requireSelfOrRole(memberId, READERS);
        if (!caller.hasAnyRole(READERS)) {
            caller.requireGoodStanding();
        }
        List<CommissionLine> items = lines.ofBeneficiary(memberId, period, page, size);
        return new Page<>(items, page, size, lines.countOfBeneficiary(memberId, period));
    }

    /**
     * The whole explanation for staff; for a member, the sale's facts and their own part, when they were in the
     * sale's upline (or sold it). Any other order, known or not, is refused alike.
     */
    @Transactional
    public Explained explain(UUID orderId) {
        boolean staff = caller.hasAnyRole(READERS);
        SaleRecord sale = sales.find(orderId).orElse(null);
        if (sale == null) {
            if (staff) {
                throw NotFoundException.of("Order", orderId);
            }
            throw new AccessDeniedException("Order " + orderId + " is not a sale of your downline");
        }
        SaleExplanation explanation = EventJson.read(sale.explanation(), SaleExplanation.class);
        int levels = plans.plan(sale.planVersion()).levels();
        if (staff) {
            return new Explained(sale, explanation, null);
        }
        UUID me = caller.memberId().orElseThrow(() -> new AccessDeniedException("Order " + orderId
                + " is not a sale of your downline"));
        caller.requireGoodStanding();
        MemberOutcome mine = MemberOutcome.of(explanation, sale.sellerId(), me, levels);
        if (mine == null) {
            throw new AccessDeniedException("Order " + orderId + " is not a sale of your downline");
        }
        return new Explained(sale, null, mine);
    }

    /**
     * @param explanation the whole walk (staff only)
     * @param yours       the caller's own part (members only)
     */
    public record Explained(SaleRecord sale, SaleExplanation explanation, MemberOutcome yours) {
    }
}
