package io.downline.user.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.events.kyc.KycApproved;
import io.downline.platform.events.kyc.KycExpired;
import io.downline.platform.events.kyc.KycRejected;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.users.MemberActivated;
import io.downline.platform.outbox.OutboxWriter;
import io.downline.user.domain.Member;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.Period;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.TeamRepository;
import io.downline.user.repository.TeamSalesRepository;

/**
 * What other domains' events change here: the KYC badge and rank on a member, live team sales, and the
 * team volume at the last close. Each method runs in the idempotent consumer's transaction, together with
 * the record of the event's id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProjectionService {

    /** Actor of the activation a member's first completed order causes. */
    private static final String FIRST_ORDER_ACTOR = "system:first-order";
    private static final Logger LOG = Logger.getLogger(ProjectionService.class);
    private static final String APPROVED = "APPROVED";
    private static final Map<String, Integer> KYC_LEVEL_ORDER = Map.of("BASIC", 1, "FULL", 2);

    private final MemberRepository members;
    private final TeamRepository teams;
    private final TeamSalesRepository sales;
    private final OutboxWriter outbox;

    public ProjectionService(MemberRepository members, TeamRepository teams, TeamSalesRepository sales,
            OutboxWriter outbox) {
        this.members = members;
        this.teams = teams;
        this.sales = sales;
        this.outbox = outbox;
    }

    /** The badge shows the highest level that is currently approved; a renewal of it moves the expiry. */
    public void kycApproved(KycApproved event) {
        member(event.memberId(), event).ifPresent(member -> {
            boolean holdsApproval = APPROVED.equals(member.kycStatus) && member.kycLevel != null;
            if (!holdsApproval || levelOrder(event.level()) >= levelOrder(member.kycLevel)) {
                member.kycLevel = event.level();
                member.kycExpiresAt = event.expiresAt();
            }
            member.kycStatus = APPROVED;
            member.updatedAt = Instant.now();
        });
    }

    /** A rejection shows only while the member holds no approved level. */
    public void kycRejected(KycRejected event) {
        member(event.memberId(), event).filter(member -> !APPROVED.equals(member.kycStatus)).ifPresent(member -> {
            member.kycStatus = "REJECTED";
            member.updatedAt = Instant.now();
        });
    }

    /** Only the expiry of the level the badge shows matters; a lower level expiring changes nothing. */
    public void kycExpired(KycExpired event) {
        member(event.memberId(), event).filter(member -> event.level().equals(member.kycLevel)).ifPresent(member -> {
            member.kycStatus = "EXPIRED";
            member.updatedAt = Instant.now();
        });
    }

    public void rankChanged(MemberRankChanged event) {
        member(event.memberId(), event).ifPresent(member -> {
            member.rank = event.newRank();
            member.updatedAt = Instant.now();
        });
    }

    public void teamVolumeUpdated(TeamVolumeUpdated event) {
        teams.applyLastClose(event.memberId(), Period.parse(event.period()).toString(), volume(event.groupVolume()));
    }

    /**
     * Counts the order's CV, in the month it was completed, for every team the seller leads or belongs to. A
     * pending seller's first completed order activates them.
     */
    public void orderCompleted(OrderCompleted event) {
        sales.creditOrder(event.orderId(), event.memberId(), Period.of(event.completedAt()),
                volume(event.commissionableVolume()));
        activateOnFirstOrder(event.memberId());
    }

    /** Takes the refunded CV off the teams the order was counted for, in the order's month. */
    public void orderRefunded(OrderRefunded event) {
        sales.debitRefund(event.orderId(), volume(event.commissionableVolume()));
    }

    private void activateOnFirstOrder(UUID sellerId) {
        members.findByIdOptional(sellerId).filter(member -> member.status == MemberStatus.PENDING).ifPresent(member -> {
            Instant now = Instant.now();
            member.status = MemberStatus.ACTIVE;
            member.updatedAt = now;
            members.flush();
            outbox.publish(EventType.MEMBER_ACTIVATED, member.id, new MemberActivated(member.id, FIRST_ORDER_ACTOR, now));
            LOG.infof("Member %s activated by their first completed order", member.id);
        });
    }

    private Optional<Member> member(UUID memberId, Object event) {
        Optional<Member> member = members.findByIdOptional(memberId);
        if (member.isEmpty()) {
            LOG.warnf("%s for unknown member %s skipped", event.getClass().getSimpleName(), memberId);
        }
        return member;
    }

    private static int levelOrder(String level) {
        return KYC_LEVEL_ORDER.getOrDefault(level, 0);
    }

    private static BigDecimal volume(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
