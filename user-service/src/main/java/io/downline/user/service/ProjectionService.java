package io.downline.user.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.inbox.WaitingFor;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.domain.KycBadge;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.Period;
import io.downline.user.repository.KycBadgeRepository;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.TeamRepository;
import io.downline.user.repository.TeamSalesRepository;

/**
 * What other domains' events change here: the KYC badge and rank on a member, live team sales, and the
 * team volume at the last close. Each method runs in the idempotent consumer's transaction, together with
 * the record of the event's id. An event about a member not known yet waits for them ({@link WaitingFor}):
 * the platform parks it and applies it once the member exists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProjectionService {

    /** Actor of the activation a member's first completed order causes. */
    private static final String FIRST_ORDER_ACTOR = "system:first-order";
    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    private final MemberRepository members;
    private final KycBadgeRepository badges;
    private final TeamRepository teams;
    private final TeamSalesRepository sales;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ProjectionService(MemberRepository members, KycBadgeRepository badges, TeamRepository teams,
            TeamSalesRepository sales, OutboxWriter outbox, Clock clock) {
        this.members = members;
        this.badges = badges;
        this.teams = teams;
        this.sales = sales;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void kycApproved(KycApproved event) {
        changeBadge(event.memberId(), badge -> badge.approved(event.caseId(), event.level(), event.expiresAt()));
    }

    public void kycRejected(KycRejected event) {
        changeBadge(event.memberId(), KycBadge::rejected);
    }

    public void kycExpired(KycExpired event) {
        changeBadge(event.memberId(), badge -> badge.expired(event.caseId(), event.level()));
    }

    public void rankChanged(MemberRankChanged event) {
        Member member = member(event.memberId());
        member.rank = event.newRank();
        member.updatedAt = clock.instant();
    }

    public void teamVolumeUpdated(TeamVolumeUpdated event) {
        member(event.memberId());
        teams.applyLastClose(event.memberId(), Period.parse(event.period()).toString(), volume(event.groupVolume()));
    }

    /**
     * Counts the order's CV, in the month it was completed, for every team the seller leads or belongs to. A
     * pending seller's first completed order activates them.
     */
    public void orderCompleted(OrderCompleted event) {
        Member seller = member(event.memberId());
        sales.creditOrder(event.orderId(), seller.id, Period.of(event.completedAt()),
                volume(event.commissionableVolume()));
        activateOnFirstOrder(seller);
    }

    /** Takes the refunded CV off the teams the order was counted for, in the order's month, once per refund. */
    public void orderRefunded(OrderRefunded event) {
        member(event.memberId());
        if (event.amount().amount().signum() <= 0) {
            throw new BusinessRuleException("amount", "A refund is a positive amount");
        }
        sales.debitRefund(event.orderId(), event.refundId(), volume(event.commissionableVolume()));
    }

    private void changeBadge(UUID memberId, UnaryOperator<KycBadge> change) {
        KycBadge before = badges.lock(memberId).orElseThrow(() -> new WaitingFor("member", memberId));
        KycBadge after = change.apply(before);
        if (!after.equals(before)) {
            badges.save(memberId, after, clock.instant());
        }
    }

    private void activateOnFirstOrder(Member seller) {
        if (seller.status != MemberStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        seller.status = MemberStatus.ACTIVE;
        seller.updatedAt = now;
        members.flush();
        outbox.publish(EventType.MEMBER_ACTIVATED, seller.id, new MemberActivated(seller.id, FIRST_ORDER_ACTOR, now));
        LOG.infof("Member %s activated by their first completed order", seller.id);
    }

    private Member member(UUID memberId) {
        return members.findByIdOptional(memberId).orElseThrow(() -> new WaitingFor("member", memberId));
    }

    /**
     * Volumes are decimal strings of at most two decimals and never negative (their JSON Schemas, checked by the
     * platform before the event gets here); a refund's amount is positive.
     */
    private static BigDecimal volume(BigDecimal value) {
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("commissionableVolume", "A volume is never negative, at most two decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
