package io.downline.payout.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "downline.payout")
public interface PayoutConfig {

    /** The installation's one currency (ISO 4217). */
    String currency();

    /** The smallest amount a member may request. */
    BigDecimal minimum();

    /** From this amount on, a payout needs two different finance approvers. */
    BigDecimal dualApprovalFrom();

    /** Base64 of the 32-byte AES key that encrypts payout methods. */
    String methodKey();

    /** The company's own account, the debtor of the bank file. */
    Debtor debtor();

    interface Debtor {
        String name();

        String iban();

        String bic();
    }
}
