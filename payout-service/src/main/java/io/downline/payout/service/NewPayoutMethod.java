package io.downline.payout.service;

import io.downline.payout.domain.PayoutMethod;

/**
 * A payout method to add.
 *
 * @param destination the IBAN, or the wallet's address
 * @param walletName  for a WALLET, the provider or network (e.g. PayPal); null for an IBAN
 */
public record NewPayoutMethod(PayoutMethod.Type type, String holderName, String destination, String walletName) {
}
