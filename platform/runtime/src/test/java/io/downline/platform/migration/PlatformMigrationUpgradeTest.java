package io.downline.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.downline.platform.testing.PostgresTestResource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A platform migration released after a service's database reached its V5 applies there, with the settings of
 * the platform defaults (out-of-order, {@code db/migration,db/platform}), and validation still passes. The
 * service's own migrations are stood in by {@code migration-test/service} (V1..V5), the late platform migration by
 * {@code migration-test/platform-later/V0_99__added_later.sql}.
 */
class PlatformMigrationUpgradeTest {

    private static final String SERVICE_MIGRATIONS = "classpath:migration-test/service";
    private static final String LATER_PLATFORM_MIGRATION = "classpath:migration-test/platform-later";

    private static Map<String, String> datasource;
    private static boolean outOfOrder;
    private static List<String> platformLocations;

    private final String schema = "migration_test_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void readPlatformDefaults() {
        datasource = new PostgresTestResource().start();
        Config defaults = new SmallRyeConfigBuilder().addDefaultSources().build();
        outOfOrder = defaults.getValue("quarkus.flyway.out-of-order", Boolean.class);
        // The service's db/migration is replaced by the stand-in; every other location is the platform's own.
        platformLocations = Arrays.stream(defaults.getValue("quarkus.flyway.locations", String[].class))
                .filter(location -> !location.equals("db/migration"))
                .map(location -> "classpath:" + location)
                .toList();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void platformMigrationAddedLaterAppliesToDatabaseAtServiceV5() throws SQLException {
        assertThat(platformLocations).containsExactly("classpath:db/platform");
        flyway(outOfOrder, false).migrate();
        assertThat(flyway(outOfOrder, false).info().current().getVersion())
                .isEqualTo(MigrationVersion.fromVersion("5"));

        Flyway upgraded = flyway(outOfOrder, true);
        MigrateResult result = upgraded.migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(result.migrations).extracting(migration -> migration.version).containsExactly("0.99");
        assertThat(upgraded.validateWithResult().validationSuccessful).isTrue();
        MigrationInfo addedLater = Arrays.stream(upgraded.info().applied())
                .filter(info -> MigrationVersion.fromVersion("0.99").equals(info.getVersion()))
                .findFirst().orElseThrow();
        assertThat(addedLater.getState()).isEqualTo(MigrationState.OUT_OF_ORDER);
        assertThat(upgraded.info().current().getVersion()).isEqualTo(MigrationVersion.fromVersion("5"));
        assertThat(upgraded.info().pending()).isEmpty();
        execute("INSERT INTO " + schema + ".added_later (id) VALUES (1)");
    }

    @Test
    void withoutOutOfOrderTheSameUpgradeIsRefused() {
        flyway(false, false).migrate();

        assertThatThrownBy(() -> flyway(false, true).migrate())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("0.99");
    }

    private Flyway flyway(boolean outOfOrderEnabled, boolean withLaterPlatformMigration) {
        List<String> locations = new ArrayList<>(platformLocations);
        locations.add(SERVICE_MIGRATIONS);
        if (withLaterPlatformMigration) {
            locations.add(LATER_PLATFORM_MIGRATION);
        }
        return Flyway.configure()
                .dataSource(datasource.get("quarkus.datasource.jdbc.url"),
                        datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"))
                .schemas(schema)
                .locations(locations.toArray(String[]::new))
                .outOfOrder(outOfOrderEnabled)
                .load();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
