package io.downline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ConsumerDefaultsTest {

    private final SmallRyeConfig config = new SmallRyeConfigBuilder()
            .withInterceptors(new ConsumerDefaults())
            .withSources(new PropertiesConfigSource(Map.of(
                    "downline.service.name", "commission-service",
                    "mp.messaging.incoming.order-events.topic", "orders.events.v1",
                    "mp.messaging.incoming.\"kyc.events\".topic", "kyc.events.v1",
                    "mp.messaging.incoming.named.topic", "users.events.v1",
                    "mp.messaging.incoming.named.dead-letter-queue.topic", "somewhere.else"), "test", 100))
            .build();

    @Test
    void aChannelDeadLettersToItsServiceAndTopic() {
        assertThat(dlq("order-events")).isEqualTo("commission-service.orders.events.v1.dlq");
        assertThat(dlq("\"kyc.events\"")).isEqualTo("commission-service.kyc.events.v1.dlq");
    }

    @Test
    void theCopiesOfAConcurrentChannelDeadLetterToTheirChannelsTopic() {
        assertThat(dlq("order-events$1")).isEqualTo("commission-service.orders.events.v1.dlq");
        assertThat(dlq("order-events$12")).isEqualTo("commission-service.orders.events.v1.dlq");
        assertThat(dlq("\"kyc.events$2\"")).isEqualTo("commission-service.kyc.events.v1.dlq");
    }

    @Test
    void aTopicTheChannelNamesIsKept() {
        assertThat(dlq("named")).isEqualTo("somewhere.else");
    }

    private String dlq(String channel) {
        return config.getRawValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic");
    }
}
