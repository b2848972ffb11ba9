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

        /**
         * Events of one aggregate one round sends at most, each once the broker acknowledged the one before; its
         * further due events go in the next round. Bounds how long one busy aggregate keeps a round (and so every
         * other aggregate's next events) waiting.
         */
        @WithDefault("4")
        int maxPerAggregate();

        /** Longest sleep without a NOTIFY before the relay looks again (safety net for lost notifications). */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * First delay after a failed send of an aggregate's event (that aggregate waits, the others flow), and
         * of the whole relay after a round in which nothing reached the broker; doubles up to {@link #maxBackoff()}.
         */
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Failed sends after which a row is parked when the broker refused that row itself (too large, invalid
         * topic, no permission). A parked row is never sent again automatically and holds its aggregate back
         * until an operator releases it (docs/outbox.md). Failures while the broker is unreachable do not park.
         */
        @WithDefault("10")
        int maxAttempts();

        /**
         * Longest time one round waits for the broker's acknowledgements; with the producer's own timeouts
         * (max.block.ms, delivery.timeout.ms) it bounds a round during a broker outage.
         */
        @WithDefault("12s")
        Duration ackTimeout();

        /** How long a relay thread that died stays down (health DOWN) before it is started again. */
        @WithDefault("5s")
        Duration restartDelay();

        /** How often the backlog and parked gauges are counted again (read by OutboxMaintenance's schedule). */
        @WithDefault("5s")
        Duration gaugeInterval();

        /** Sent rows are deleted after this long. */
        @WithDefault("P7D")
        Duration retention();

        /** Extra Kafka producer properties, e.g. {@code downline.outbox.relay.producer."linger.ms"=5}. */
        Map<String, String> producer();
    }
}
