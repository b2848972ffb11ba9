package io.downline.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What {@link SqlArrays} binds, PostgreSQL reads back element for element: text whatever it holds (the array
 * literal's own characters, backslashes, the word NULL, nothing at all), and the typed elements written unquoted.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class SqlArraysTest {

    private enum Colour {
        RED
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void textComesBackAsWrittenWhateverItHolds() throws SQLException {
        List<String> texts = Arrays.asList("plain", "with \"quotes\"", "back\\slash\\", "{braces},commas", "NULL", "",
                null, "  spaces  ", "line\nbreak", "ünïcödé €", "{\"json\": [1, 2]}");

        assertThat(roundTrip("text", texts, ResultSet::getString)).containsExactlyElementsOf(texts);
    }

    @Test
    void typedElementsComeBackAsTheValuesTheyWere() throws SQLException {
        List<UUID> ids = Arrays.asList(UUID.randomUUID(), null, UUID.randomUUID());
        List<BigDecimal> amounts = Arrays.asList(new BigDecimal("0.01"), new BigDecimal("1E+3"), null,
                new BigDecimal("-12.50"));
        List<Instant> instants = List.of(Instant.parse("2026-12-02T10:15:30.123456Z"), Instant.EPOCH);
        List<LocalDate> days = List.of(LocalDate.of(2026, 12, 2));

        assertThat(roundTrip("uuid", ids, (row, column) -> row.getObject(column, UUID.class)))
                .containsExactlyElementsOf(ids);
        assertThat(roundTrip("numeric", amounts, ResultSet::getBigDecimal)).usingElementComparator(
                (a, b) -> a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b)).containsExactlyElementsOf(amounts);
        assertThat(roundTrip("timestamptz", instants, (row, column) -> row.getTimestamp(column).toInstant()))
                .containsExactlyElementsOf(instants);
        assertThat(roundTrip("date", days, (row, column) -> row.getObject(column, LocalDate.class)))
                .containsExactlyElementsOf(days);
        assertThat(roundTrip("bigint", List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE), ResultSet::getLong))
                .containsExactly(Long.MIN_VALUE, 0L, Long.MAX_VALUE);
        assertThat(roundTrip("smallint", List.of((short) 3, (short) -1), ResultSet::getShort))
                .containsExactly((short) 3, (short) -1);
        assertThat(roundTrip("boolean", List.of(true, false), ResultSet::getBoolean)).containsExactly(true, false);
        assertThat(roundTrip("text", List.of(Colour.RED), ResultSet::getString)).containsExactly("RED");
    }

    @Test
    void anElementWithoutAnSqlValueIsRefusedNotWrittenAsItsToString() {
        assertThatThrownBy(() -> SqlArrays.literal(List.of("fine", new byte[] { 1 })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B");
    }

    @Test
    void anArrayComparedWithAColumnTakesTheColumnsType() throws SQLException {
        UUID wanted = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM (VALUES (?::uuid), (gen_random_uuid())) AS v (id) WHERE id = ANY (?)")) {
            statement.setObject(1, wanted);
            SqlArrays.bind(statement, 2, new Object[] { wanted, UUID.randomUUID() });
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row, int column) throws SQLException;
    }

    private <T> List<T> roundTrip(String type, List<?> values, Column<T> column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT v FROM unnest(?::" + type + "[]) WITH ORDINALITY AS a (v, n) ORDER BY n")) {
            SqlArrays.bind(statement, 1, values);
            List<T> read = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    T value = column.read(rows, 1);
                    read.add(rows.wasNull() ? null : value);
                }
            }
            return read;
        }
    }
}
