package io.downline.payout.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.domain.Destinations;
import io.downline.payout.domain.PayoutMethod;
import io.downline.payout.repository.PayoutMethodRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;

/** A member's payout methods: added by the member, stored encrypted, shown masked. */
@ApplicationScoped
public class PayoutMethodService {

    private final PayoutMethodRepository methods;
    private final MethodCipher cipher;
    private final Caller caller;
    private final AdminAudit audit;
    private final Clock clock;

    public PayoutMethodService(PayoutMethodRepository methods, MethodCipher cipher, Caller caller, AdminAudit audit,
            Clock clock) {
        this.methods = methods;
        this.cipher = cipher;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PayoutMethod add(NewPayoutMethod request) {
        caller.requireGoodStanding();
        UUID memberId = caller.requireMemberId();
        PayoutMethod method = new PayoutMethod();
        method.id = UUID.randomUUID();
        method.memberId = memberId;
        method.type = request.type();
        method.holderName = request.holderName().strip();
        String destination;
        if (request.type() == PayoutMethod.Type.IBAN) {
            if (request.walletName() != null) {
                throw new BusinessRuleException("walletName", "A bank account has no wallet name");
            }
            destination = Destinations.iban(request.destination());
            method.masked = Destinations.maskIban(destination);
        } else {
            if (request.walletName() == null || request.walletName().isBlank()) {
                throw new BusinessRuleException("walletName", "A wallet address needs the wallet's name");
            }
            destination = request.destination().strip();
            method.walletName = request.walletName().strip();
            method.masked = Destinations.maskAddress(destination);
        }
        method.secret = cipher.encrypt(method.id, destination);
        method.createdAt = clock.instant();
        methods.persist(method);
        audit.record("payout-method.add", "payout-method", method.id, null, MethodSummary.of(method));
        return method;
    }

    /** The member's methods (yourself, or staff). */
    public List<PayoutMethod> list(UUID memberId) {
        caller.requireSelfOrRole(memberId, Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR);
        return methods.ofMember(memberId);
    }

    /** The full IBAN or address, for the bank file. */
    String destinationOf(PayoutMethod method) {
        return cipher.decrypt(method.id, method.secret);
    }

    /** What an audit record or a log may show of a method. */
    public record MethodSummary(UUID id, UUID memberId, PayoutMethod.Type type, String holderName, String walletName,
            String masked) {
        static MethodSummary of(PayoutMethod method) {
            return new MethodSummary(method.id, method.memberId, method.type, method.holderName, method.walletName,
                    method.masked);
        }
    }
}
