package io.downline.platform.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The PostgreSQL the tests run on, in this order: the one {@code TEST_DB_URL} names; the local server's
 * {@code downline_test} database on 127.0.0.1:5432 (deploy/local/postgres.sh creates it, apart from the
 * local run's {@code downline}); a Testcontainers PostgreSQL when Docker is
 * present. Without any of them the tests stop with a message that says what to start.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/downline_test";
    private PostgreSQLContainer<?> container;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return datasource(url, env("DB_USER", "downline"), env("DB_PASSWORD", "downline"));
        }
        if (reachable("127.0.0.1", 5432)) {
            return datasource(LOCAL_URL, env("DB_USER", "downline"), env("DB_PASSWORD", "downline"));
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer<>("postgres:15-alpine")
                    .withDatabaseName("downline").withUsername("downline").withPassword("downline");
            container.start();
            return datasource(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("No PostgreSQL for the tests: run deploy/local/postgres.sh start, "
                + "or set TEST_DB_URL (with DB_USER and DB_PASSWORD)");
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
