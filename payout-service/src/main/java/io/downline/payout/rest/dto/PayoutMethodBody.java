package io.downline.payout.rest.dto;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.downline.payout.domain.PayoutMethod;

/**
 * A payout method: a bank account ({@code IBAN}, with {@code iban}) or a named wallet ({@code WALLET}, with
 * {@code walletName} and {@code address}).
 */
public record PayoutMethodBody(
        @NotNull PayoutMethod.Type type,
        @NotBlank @Size(max = 140) String holderName,
        @Size(max = 42) String iban,
        @Size(max = 60) String walletName,
        @Size(max = 200) String address) {

    @AssertTrue(message = "an IBAN method takes iban only; a WALLET method takes walletName and address")
    public boolean isComplete() {
        if (type == PayoutMethod.Type.IBAN) {
            return present(iban) && walletName == null && address == null;
        }
        return type == null || present(walletName) && present(address) && iban == null;
    }

    /** The IBAN or the wallet address. */
    public String destination() {
        return type == PayoutMethod.Type.IBAN ? iban : address;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
