package io.downline.audit;

import java.util.HashMap;
import java.util.Map;

import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The platform's test resources (PostgreSQL, Kafka, OIDC), with the split this service runs on in production:
 * Flyway migrates as the database's owner, the service connects as the restricted audit role that
 * deploy/local/postgres.sh creates ({@code AUDIT_DB_USER}, default {@code downline_audit}).
 */
public class AuditTestResource implements QuarkusTestResourceLifecycleManager {

    private final DownlineTestResource platform = new DownlineTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(platform.start());
        config.put("quarkus.flyway.username", config.get("quarkus.datasource.username"));
        config.put("quarkus.flyway.password", config.get("quarkus.datasource.password"));
        config.put("quarkus.datasource.username", env("AUDIT_DB_USER", "downline_audit"));
        config.put("quarkus.datasource.password", env("AUDIT_DB_PASSWORD", "downline_audit"));
        return config;
    }

    @Override
    public void stop() {
        platform.stop();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
