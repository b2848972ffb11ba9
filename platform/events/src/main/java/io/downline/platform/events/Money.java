package io.downline.platform.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in a currency; JSON {@code {"amount":"12.34","currency":"USD"}}. The amount keeps the
 * scale it was given ({@code 0.10} stays {@code 0.10}); rounding is the producer's business.
 *
 * @param amount   may be negative where an event says so
 * @param currency ISO 4217 code, three upper-case letters
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("Currency must be three upper-case letters, got '" + currency + "'");
        }
    }

    public static Money of(String amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        return new Money(new BigDecimal(amount), currency);
    }
}
