package io.downline.platform.members;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.downline.platform.inbox.IdempotentConsumer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The {@code members} channel ({@code users.events.v1}), present only in a service built with
 * {@code downline.members.projection.enabled=true}: without it neither the channel nor any bean of this package
 * exists, and user-service keeps its own member directory.
 */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class MemberProjectionConsumer {

    /** The build-time switch of the member projection. */
    public static final String ENABLED = "downline.members.projection.enabled";
    /** The consumer's name in {@code processed_event}. */
    public static final String CONSUMER = "member-projection";

    private final IdempotentConsumer consumer;
    private final MemberProjection projection;

    public MemberProjectionConsumer(IdempotentConsumer consumer, MemberProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("members")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, projection::apply);
    }
}
