package io.downline.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service at the in-JVM broker, or at {@code KAFKA_BOOTSTRAP_SERVERS} when that is set. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: later Quarkus restarts reuse it.
    }

    public static String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return external != null && !external.isBlank() ? external : TestKafka.bootstrapServers();
    }
}
