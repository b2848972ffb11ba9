package io.downline.payout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.downline.platform.domain.BusinessRuleException;

class DestinationsTest {

    @Test
    void anIbanIsNormalisedAndItsCheckDigitsVerified() {
        assertThat(Destinations.iban("de89 3704 0044 0532 0130 00")).isEqualTo("DE89370400440532013000");
        assertThatThrownBy(() -> Destinations.iban("DE88370400440532013000"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("check digits");
        assertThatThrownBy(() -> Destinations.iban("DE8937040044053201300"))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> Destinations.iban(null)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void destinationsAreMasked() {
        assertThat(Destinations.maskIban("DE89370400440532013000")).isEqualTo("DE89 **** 3000");
        assertThat(Destinations.maskAddress("member.wallet@example.com")).isEqualTo("mem****.com");
        assertThat(Destinations.maskAddress("short")).isEqualTo("****");
    }
}
