package io.downline.notification.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.notification.repository.ContactRepository;
import io.downline.notification.repository.FiguresRepository;
import io.downline.notification.repository.TeamRepository;
import io.downline.platform.events.EventPayload;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.CommissionEarned;
import io.downline.platform.events.commissions.CommissionReversed;
import io.downline.platform.events.orders.OrderCompleted;
import io.downline.platform.events.orders.OrderRefunded;
import io.downline.platform.events.payouts.PayoutApproved;
import io.downline.platform.events.payouts.PayoutFailed;
import io.downline.platform.events.payouts.PayoutPaid;
import io.downline.platform.events.payouts.PayoutRejected;
import io.downline.platform.events.payouts.PayoutRequested;
import io.downline.platform.events.users.MeetingScheduled;
import io.downline.platform.events.users.MemberProfileUpdated;
import io.downline.platform.events.users.MemberRegistered;
import io.downline.platform.events.users.TeamCreated;
import io.downline.platform.events.users.TeamMemberAdded;
import io.downline.platform.events.users.TeamMemberRemoved;
import io.downline.platform.inbox.Parking;
import io.downline.platform.inbox.WaitingFor;

/**
 * What this service keeps of other domains to pick recipients and figures: contacts, teams, meetings, payouts
 * waiting, running totals. Runs in the consumer's transaction, before the notifications are made.
 */
@ApplicationScoped
public class Projections {

    private final ContactRepository contacts;
    private final TeamRepository teams;
    private final FiguresRepository figures;
    private final Parking parking;
    private final Clock clock;

    public Projections(ContactRepository contacts, TeamRepository teams, FiguresRepository figures, Parking parking,
            Clock clock) {
        this.contacts = contacts;
        this.teams = teams;
        this.figures = figures;
        this.parking = parking;
        this.clock = clock;
    }

    /** Keeps what the event (its type and its payload, read once by the caller) changes; its effect on the running totals is added to {@code totals}. */
    public void apply(EventType type, EventPayload payload, FigureTotals totals) {
        switch (type) {
            case MEMBER_REGISTERED -> {
                MemberRegistered e = (MemberRegistered) payload;
                contacts.register(e.memberId(), e.email(), e.name(), clock.instant());
                totals.add(1, BigDecimal.ZERO, BigDecimal.ZERO);
                parking.release("member", e.memberId());
            }
            case MEMBER_PROFILE_UPDATED -> {
                MemberProfileUpdated e = (MemberProfileUpdated) payload;
                if (e.name() != null) {
                    contacts.rename(e.memberId(), e.name(), clock.instant());
                }
            }
            case TEAM_CREATED -> {
                TeamCreated e = (TeamCreated) payload;
                teams.create(e.teamId(), e.name(), e.leaderId());
                parking.release("team", e.teamId());
            }
            case TEAM_MEMBER_ADDED -> {
                TeamMemberAdded e = (TeamMemberAdded) payload;
                requireTeam(e.teamId());
                teams.addMember(e.teamId(), e.memberId());
            }
            case TEAM_MEMBER_REMOVED -> {
                TeamMemberRemoved e = (TeamMemberRemoved) payload;
                requireTeam(e.teamId());
                teams.removeMember(e.teamId(), e.memberId());
            }
            case MEETING_SCHEDULED -> {
                MeetingScheduled e = (MeetingScheduled) payload;
                requireTeam(e.teamId());
                teams.scheduleMeeting(e.meetingId(), e.teamId(), e.title());
                parking.release("meeting", e.meetingId());
            }
            case ORDER_COMPLETED -> totals.add(0, ((OrderCompleted) payload).amount().amount(),
                    BigDecimal.ZERO);
            case ORDER_REFUNDED -> totals.add(0, ((OrderRefunded) payload).amount().amount().negate(),
                    BigDecimal.ZERO);
            case COMMISSION_EARNED -> totals.add(0, BigDecimal.ZERO,
                    ((CommissionEarned) payload).amount().amount());
            case COMMISSION_REVERSED -> totals.add(0, BigDecimal.ZERO,
                    ((CommissionReversed) payload).amount().amount().negate());
            case PAYOUT_REQUESTED -> {
                PayoutRequested e = (PayoutRequested) payload;
                figures.payoutWaiting(e.payoutId(), e.memberId(), e.occurredAt());
            }
            case PAYOUT_APPROVED -> {
                PayoutApproved e = (PayoutApproved) payload;
                if (e.approvals() >= e.requiredApprovals()) {
                    figures.payoutDecided(e.payoutId());
                }
            }
            case PAYOUT_REJECTED -> figures.payoutDecided(((PayoutRejected) payload).payoutId());
            case PAYOUT_PAID -> figures.payoutDecided(((PayoutPaid) payload).payoutId());
            case PAYOUT_FAILED -> figures.payoutDecided(((PayoutFailed) payload).payoutId());
            default -> {
                // Nothing else is kept.
            }
        }
    }

    private void requireTeam(UUID teamId) {
        if (teams.name(teamId).isEmpty()) {
            throw new WaitingFor("team", teamId);
        }
    }
}
