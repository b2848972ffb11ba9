package io.downline.platform.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything a service's tests need, in one resource: PostgreSQL, the Kafka broker and the OIDC provider.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(DownlineTestResource.class)
 * class MemberResourceTest { ... }
 * </pre>
 */
public class DownlineTestResource implements QuarkusTestResourceLifecycleManager {

    private final List<QuarkusTestResourceLifecycleManager> parts = List.of(
            new PostgresTestResource(), new KafkaTestResource(), new OidcTestResource());

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        parts.forEach(part -> config.putAll(part.start()));
        return config;
    }

    @Override
    public void stop() {
        parts.forEach(QuarkusTestResourceLifecycleManager::stop);
    }
}
