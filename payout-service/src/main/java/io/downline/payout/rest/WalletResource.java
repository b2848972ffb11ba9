package io.downline.payout.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.rest.dto.StatementLineView;
import io.downline.payout.rest.dto.WalletView;
import io.downline.payout.service.WalletService;
import io.downline.platform.paging.Page;
import io.downline.platform.security.Roles;

@Path("/api/payouts/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallets", description = "Members' balances and statements")
public class WalletResource {

    private final WalletService wallets;
    private final PayoutConfig config;

    public WalletResource(WalletService wallets, PayoutConfig config) {
        this.wallets = wallets;
        this.config = config;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Your balances: available, pending, on hold and clawback")
    public WalletView myWallet() {
        return wallet(wallets.self());
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR })
    @Operation(summary = "A member's balances (yourself, or any member for staff)")
    public WalletView wallet(@PathParam("memberId") UUID memberId) {
        return WalletView.of(memberId, config.currency(), wallets.balances(memberId));
    }

    @GET
    @Path("/{memberId}/statement")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR })
    @Operation(summary = "A member's statement, newest first: every transfer with its cause")
    public Page<StatementLineView> statement(@PathParam("memberId") UUID memberId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return wallets.statement(memberId, page, size).map(StatementLineView::of);
    }
}
