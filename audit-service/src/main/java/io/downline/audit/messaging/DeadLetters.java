package io.downline.audit.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.downline.platform.config.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record that can never be appended to {@code audit-service.<topic>.dlq}, unchanged (key, value, headers)
 * plus the platform's {@code dead-letter-*} headers, and waits for the broker's acknowledgement before the batch it
 * came in is acknowledged. Counted by {@code audit_ingest_dead_lettered_total{topic}}.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry registry;
    private final String service;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter, MeterRegistry registry,
            ServiceConfig config) {
        this.emitter = emitter;
        this.registry = registry;
        this.service = config.name();
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = service + "." + record.topic() + ".dlq";
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
        registry.counter("audit.ingest.dead.lettered", "topic", record.topic()).increment();
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
