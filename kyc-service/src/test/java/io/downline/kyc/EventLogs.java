package io.downline.kyc;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.downline.platform.events.CloudEventCodec;

/** Small readers of raw records. */
final class EventLogs {

    private EventLogs() {
    }

    static String type(ConsumerRecord<String, String> record) {
        return CloudEventCodec.fromRecord(record).type();
    }
}
