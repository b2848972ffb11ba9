package io.downline.platform.testapp;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A fault inside the relay's producer, as a library bug or an exhausted JVM would raise it: when armed, the next
 * send throws the given {@link Error} on the relay thread (the producer lets an interceptor's Error through).
 * Configured for the test application's relay by {@code downline.outbox.relay.producer."interceptor.classes"}.
 */
public class RelayFaultInterceptor implements ProducerInterceptor<String, String> {

    private static final AtomicReference<Error> ARMED = new AtomicReference<>();

    /** The next record the relay sends throws this error instead. */
    public static void failNextSendWith(Error error) {
        ARMED.set(error);
    }

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        Error error = ARMED.getAndSet(null);
        if (error != null) {
            throw error;
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // only sends are faulted
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
