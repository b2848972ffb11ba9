package io.downline.incentive.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.incentive.domain.Rank;
import io.downline.incentive.service.Engine;
import io.downline.platform.events.EventEnvelope;
import io.downline.platform.events.EventType;
import io.downline.platform.events.commissions.MemberRankChanged;
import io.downline.platform.events.commissions.TeamVolumeUpdated;
import io.downline.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Closed periods: group volume (team.volume-updated) and rank changes (member.rank-changed). */
@ApplicationScoped
public class CommissionEventsConsumer {

    private final IdempotentConsumer consumer;
    private final Engine engine;

    public CommissionEventsConsumer(IdempotentConsumer consumer, Engine engine) {
        this.consumer = consumer;
        this.engine = engine;
    }

    @Incoming("commission-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply("incentive-service:commissions", record, this::apply);
    }

    private void apply(EventEnvelope event) {
        EventType.find(event.type()).ifPresent(type -> {
            switch (type) {
                case TEAM_VOLUME_UPDATED -> {
                    TeamVolumeUpdated volumes = event.payload(TeamVolumeUpdated.class);
                    engine.groupVolumeClosed(volumes.memberId(), volumes.period(), volumes.groupVolume());
                }
                case MEMBER_RANK_CHANGED -> {
                    MemberRankChanged change = event.payload(MemberRankChanged.class);
                    engine.rankChanged(change.memberId(), change.period(), Rank.valueOf(change.newRank()));
                }
                default -> {
                    // Commission lines and period closes themselves change no progress.
                }
            }
        });
    }
}
