package io.downline.user.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.inbox.IdempotentConsumer;
import io.downline.user.service.ProjectionService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The rank on the member (member.rank-changed) and the team volume at the last close (team.volume-updated). */
@ApplicationScoped
public class CommissionEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ProjectionService projections;

    public CommissionEventsConsumer(IdempotentConsumer consumer, ProjectionService projections) {
        this.consumer = consumer;
        this.projections = projections;
    }

    @Incoming("commission-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("user-service:commissions", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case MEMBER_RANK_CHANGED -> projections.rankChanged(event.payload(MemberRankChanged.class));
                case TEAM_VOLUME_UPDATED -> projections.teamVolumeUpdated(event.payload(TeamVolumeUpdated.class));
                default -> {
                    // Commission lines and period closes concern other services.
                }
            }
        });
    }
}
