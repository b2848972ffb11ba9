package io.downline.payout.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.payout.rest.dto.PayoutMethodBody;
import io.downline.payout.rest.dto.PayoutMethodView;
import io.downline.payout.service.NewPayoutMethod;
import io.downline.payout.service.PayoutMethodService;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.security.Roles;

@Path("/api/payouts/methods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payout methods", description = "Bank accounts and wallet addresses, stored encrypted and shown masked")
public class PayoutMethodResource {

    private final PayoutMethodService methods;

    public PayoutMethodResource(PayoutMethodService methods) {
        this.methods = methods;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Idempotent(required = false)
    @Operation(summary = "Add a payout method: a bank account (IBAN, check digits verified) or a named wallet address")
    public Response addMethod(@NotNull @Valid PayoutMethodBody body) {
        PayoutMethodView method = PayoutMethodView.of(methods.add(
                new NewPayoutMethod(body.type(), body.holderName(), body.destination(), body.walletName())));
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/payouts/methods/members/" + method.memberId())
                .entity(method).build();
    }

    @GET
    @Path("/members/{memberId}")
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR })
    @Operation(summary = "A member's payout methods, masked (yourself, or any member for staff)")
    public List<PayoutMethodView> methodsOf(@PathParam("memberId") UUID memberId) {
        return methods.list(memberId).stream().map(PayoutMethodView::of).toList();
    }
}
