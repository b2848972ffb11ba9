package io.downline.commission.rest;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.downline.commission.rest.dto.RefundRequest;
import io.downline.commission.rest.dto.SaleRequest;
import io.downline.commission.rest.dto.SaleView;
import io.downline.commission.service.NewSale;
import io.downline.commission.service.SalesIntake;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.security.Roles;

@Path("/api/commissions/sales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sales", description = "Sales recorded through REST, and their refunds")
public class SaleResource {

    private final SalesIntake intake;
    private final Clock clock;

    public SaleResource(SalesIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @POST
    @Idempotent(required = false)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a sale (admins, integrations): its commission lines at once, and order.completed on orders.events.v1")
    public RestResponse<SaleView> record(@NotNull @Valid SaleRequest request) {
        SaleView sale = SaleView.of(intake.record(new NewSale(request.orderId(), request.memberId(), request.amount(),
                request.currency(), request.commissionableVolume(),
                request.completedAt() == null ? clock.instant() : request.completedAt())));
        return RestResponse.ResponseBuilder.<SaleView>created(URI.create("/api/commissions/explain?order=" + sale.orderId()))
                .entity(sale).build();
    }

    @POST
    @Path("/{orderId}/refunds")
    @Idempotent(required = false)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Refund (part of) a sale: its lines are reversed in proportion, and order.refunded is published")
    public RestResponse<SaleView> refund(@PathParam("orderId") UUID orderId, @NotNull @Valid RefundRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, SaleView.of(intake.refund(orderId, request.amount(),
                request.commissionableVolume(), request.refundId())));
    }
}
