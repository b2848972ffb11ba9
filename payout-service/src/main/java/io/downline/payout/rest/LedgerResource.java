package io.downline.payout.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.payout.rest.dto.InvariantReportView;
import io.downline.payout.service.WalletService;
import io.downline.platform.security.Roles;

@Path("/api/payouts/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "The ledger's invariant check")
public class LedgerResource {

    private final WalletService wallets;

    public LedgerResource(WalletService wallets) {
        this.wallets = wallets;
    }

    @GET
    @Path("/invariants")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Re-check the ledger: all balances sum to zero, no available balance is negative, every wallet equals its entries")
    public InvariantReportView invariants() {
        return InvariantReportView.of(wallets.checkInvariants());
    }
}
