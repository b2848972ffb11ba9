package io.downline.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void isWrittenWithTheAmountAsADecimalString() {
        assertThat(EventJson.write(Money.of("12.34", "USD"))).isEqualTo("{\"amount\":\"12.34\",\"currency\":\"USD\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.10", "0", "-3.50", "1000000000000.0001", "0.000000001"})
    void roundTripsExactlyWithItsScale(String amount) {
        String json = EventJson.write(Money.of(amount, "EUR"));
        Money read = EventJson.read(json, Money.class);

        assertThat(json).contains("\"amount\":\"" + amount + "\"");
        assertThat(read.amount().toPlainString()).isEqualTo(amount);
        assertThat(read).isEqualTo(Money.of(amount, "EUR"));
    }

    @Test
    void isNeverWrittenInScientificNotation() {
        assertThat(EventJson.write(new Money(new BigDecimal("1E+3"), "USD"))).contains("\"amount\":\"1000\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDT", "U$D", ""})
    void rejectsACurrencyThatIsNotThreeUpperCaseLetters(String currency) {
        assertThatThrownBy(() -> Money.of("1.00", currency)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> new Money(null, "USD")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of("twelve", "USD")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void readingInvalidMoneyFailsWithEventJsonException() {
        assertThatThrownBy(() -> EventJson.read("{\"amount\":\"1.00\",\"currency\":\"usd\"}", Money.class))
                .isInstanceOf(EventJsonException.class)
                .hasMessageContaining("three upper-case letters");
    }
}
