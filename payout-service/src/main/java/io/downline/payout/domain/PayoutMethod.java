package io.downline.payout.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a member's payouts go. The IBAN or wallet address is stored encrypted and shown masked. */
@Entity
@Table(name = "payout_method")
public class PayoutMethod {

    public enum Type { IBAN, WALLET }

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Type type;

    @Column(name = "holder_name", nullable = false, updatable = false)
    public String holderName;

    @Column(name = "wallet_name", updatable = false)
    public String walletName;

    /** Nonce, ciphertext and tag of the IBAN or address (see MethodCipher). */
    @Column(nullable = false, updatable = false)
    public byte[] secret;

    @Column(nullable = false, updatable = false)
    public String masked;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
