package io.downline.payout.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.payout.domain.PayoutStatus;
import io.downline.payout.repository.PayoutRepository;
import io.downline.payout.rest.dto.PayoutQueueView;
import io.downline.payout.rest.dto.PayoutRequestBody;
import io.downline.payout.rest.dto.PayoutView;
import io.downline.payout.rest.dto.ReasonBody;
import io.downline.payout.rest.dto.SettlementBody;
import io.downline.payout.service.BankFileService;
import io.downline.payout.service.PayoutService;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.security.Roles;

@Path("/api/payouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts", description = "Payout requests, their approval, settlement and the bank files")
public class PayoutResource {

    private final PayoutService payouts;
    private final BankFileService bankFiles;

    public PayoutResource(PayoutService payouts, BankFileService bankFiles) {
        this.payouts = payouts;
        this.bankFiles = bankFiles;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Idempotent
    @Operation(summary = "Request a payout of your available balance to one of your payout methods (Idempotency-Key required); the amount is held at once")
    public Response request(@NotNull @Valid PayoutRequestBody body) {
        PayoutView payout = PayoutView.of(payouts.request(body.amount(), body.methodId()));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/payouts/" + payout.id())
                .entity(payout).build();
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "The finance queue: payouts by request time, filtered by status and amount, with the count and sum of all that match")
    public PayoutQueueView queue(@QueryParam("status") PayoutStatus status,
            @QueryParam("minAmount") @DecimalMin("0") BigDecimal minAmount,
            @QueryParam("maxAmount") @DecimalMin("0") BigDecimal maxAmount,
            @QueryParam("memberId") UUID memberId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PayoutQueueView.of(payouts.search(new PayoutRepository.Filter(status, minAmount, maxAmount, memberId),
                page, size), page, size);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Your payout requests, oldest first")
    public PayoutQueueView myPayouts(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PayoutQueueView.of(payouts.mine(page, size), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "One payout with its approvers (its member, or staff)")
    public PayoutView payout(@PathParam("id") UUID id) {
        return PayoutView.of(payouts.get(id), payouts.approvers(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Approve a requested payout (never your own); from the dual-approval amount a second, different approver completes it")
    public PayoutView approve(@PathParam("id") UUID id) {
        return PayoutView.of(payouts.approve(id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Reject a requested payout with a reason; the hold goes back to the member's available balance")
    public PayoutView reject(@PathParam("id") UUID id, @NotNull @Valid ReasonBody body) {
        return PayoutView.of(payouts.reject(id, body.reason()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Cancel your own payout request while it is still requested; the hold is released")
    public PayoutView cancel(@PathParam("id") UUID id) {
        return PayoutView.of(payouts.cancel(id));
    }

    @POST
    @Path("/settlements")
    @RolesAllowed(Roles.FINANCE)
    @Idempotent(required = false)
    @Operation(summary = "Mark a batch of approved payouts paid (with the bank's reference) or failed (hold released); all or none")
    public List<PayoutView> settle(@NotNull @Valid SettlementBody body) {
        return payouts.settle(body.items().stream().map(SettlementBody.Item::toSettlement).toList()).stream()
                .map(PayoutView::of).toList();
    }

    @GET
    @Path("/exports/csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Approved payouts waiting for the bank, as CSV with full destinations")
    public Response csv() {
        return Response.ok(bankFiles.csv())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approved-payouts.csv\"").build();
    }

    @GET
    @Path("/exports/pain001")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Approved payouts to bank accounts as an ISO 20022 pain.001.001.09 credit transfer file")
    public Response pain001() {
        return Response.ok(bankFiles.pain001())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payouts-pain001.xml\"").build();
    }
}
