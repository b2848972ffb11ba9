package io.downline.payout.rest.dto;

import java.time.Instant;
import java.util.UUID;

import io.downline.payout.domain.PayoutMethod;

/** A payout method as anyone sees it: the IBAN or address only masked. */
public record PayoutMethodView(UUID id, UUID memberId, PayoutMethod.Type type, String holderName, String walletName,
        String masked, Instant createdAt) {

    public static PayoutMethodView of(PayoutMethod method) {
        return new PayoutMethodView(method.id, method.memberId, method.type, method.holderName, method.walletName,
                method.masked, method.createdAt);
    }
}
