package io.downline.platform.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.outbox")
public interface OutboxConfig {

    Relay relay();

    interface Relay {
        /** Whether this instance runs a relay at all. Only one instance per service publishes at a time (advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** Rows read and sent per round. */
        @WithDefault("500")
        int batchSize();

        /** Longest sleep without a NOTIFY before the relay looks again (safety net for lost notifications). */
        @WithDefault("1s")
        Duration pollInterval();

        /** First delay after a failed round; doubles up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** How long a round waits for the broker's acknowledgements. */
        @WithDefault("30s")
        Duration ackTimeout();

        /** Sent rows are deleted after this long. */
        @WithDefault("P7D")
        Duration retention();

        /** Extra Kafka producer properties, e.g. {@code downline.outbox.relay.producer."linger.ms"=5}. */
        Map<String, String> producer();
    }
}
