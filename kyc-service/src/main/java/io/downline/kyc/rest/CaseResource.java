package io.downline.kyc.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.kyc.rest.dto.CaseView;
import io.downline.kyc.rest.dto.DecisionRequest;
import io.downline.kyc.rest.dto.OpenCaseRequest;
import io.downline.kyc.service.CaseService;
import io.downline.kyc.service.ReviewService;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/kyc/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "KYC cases", description = "KYC cases and their review workflow")
@Authenticated
public class CaseResource {

    private final CaseService cases;
    private final ReviewService reviews;
    private final Caller caller;

    public CaseResource(CaseService cases, ReviewService reviews, Caller caller) {
        this.cases = cases;
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Open your KYC case of a level (one current case per level)")
    public Response open(@NotNull @Valid OpenCaseRequest request) {
        CaseView created = CaseView.of(cases.open(request.level()));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/kyc/cases/" + created.id())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "A member's cases, oldest first: yours, or any member's (memberId) for admins, officers and auditors")
    public List<CaseView> list(@QueryParam("memberId") UUID memberId) {
        UUID member = memberId != null ? memberId : caller.requireMemberId();
        return cases.casesOf(member).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "A case with its status, the officer's reason when rejected or sent back, and its documents")
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return CaseView.of(cases.details(caseId));
    }

    @POST
    @Path("/{caseId}/submit")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Submit your case (or resubmit it) for review; it needs the documents its level requires")
    public CaseView submit(@PathParam("caseId") UUID caseId) {
        return CaseView.of(cases.submit(caseId));
    }

    @POST
    @Path("/{caseId}/claim")
    @RolesAllowed(Roles.KYC_OFFICER)
    @Operation(summary = "Take a submitted case into review (never your own); of concurrent claims exactly one wins")
    public CaseView claim(@PathParam("caseId") UUID caseId) {
        return CaseView.of(reviews.claim(caseId));
    }

    @POST
    @Path("/{caseId}/decision")
    @RolesAllowed(Roles.KYC_OFFICER)
    @Operation(summary = "Approve, reject or send back the case you review, with a reason; a decided case stays decided")
    public CaseView decide(@PathParam("caseId") UUID caseId, @NotNull @Valid DecisionRequest request) {
        return CaseView.of(reviews.decide(caseId,
                new ReviewService.Decision(request.outcome(), request.reason(), request.documentTypes())));
    }
}
