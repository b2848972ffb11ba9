package io.downline.user.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.platform.paging.Page;
import io.downline.platform.http.ProblemException;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.downline.user.domain.MemberStatus;
import io.downline.user.domain.StatusChange;
import io.downline.user.rest.dto.MemberView;
import io.downline.user.rest.dto.ProfileUpdateRequest;
import io.downline.user.rest.dto.ReasonRequest;
import io.downline.user.rest.dto.RegistrationRequest;
import io.downline.user.rest.dto.SponsorChangeRequest;
import io.downline.user.rest.dto.SponsorChangeView;
import io.downline.user.rest.dto.SponsorEdgeView;
import io.downline.user.service.MemberService;
import io.downline.user.service.ProfileChange;
import io.downline.user.service.Registration;
import io.downline.user.service.RegistrationService;
import io.downline.user.service.SponsorChangeService;
import io.quarkus.security.Authenticated;

@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Registration, profiles and member status")
@Authenticated
public class MemberResource {

    private final RegistrationService registration;
    private final MemberService members;
    private final SponsorChangeService sponsorChanges;
    private final Caller caller;
    private final JsonWebToken token;

    public MemberResource(RegistrationService registration, MemberService members, SponsorChangeService sponsorChanges,
            Caller caller, JsonWebToken token) {
        this.registration = registration;
        this.members = members;
        this.sponsorChanges = sponsorChanges;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Idempotent(required = false)
    @Operation(summary = "Register as a member, with your login's verified email, under the sponsor whose referral code you bring")
    public Response register(@NotNull @Valid RegistrationRequest request) {
        MemberView member = MemberView.of(registration.register(new Registration(caller.subject(), verifiedEmail(),
                request.email(), request.name(), request.phone(), request.country(), request.referralCode())));
        // A relative reference (RFC 9110, 10.2.2) the client resolves against its request URI: resolving it
        // here (Response.created) parses the forwarded scheme and host on every registration, the busiest call.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/members/" + member.id())
                .entity(member).build();
    }

    @GET
    @Path("/me")
    @Operation(summary = "Your own profile (readable also while suspended or terminated)")
    public MemberView me() {
        return MemberView.of(members.self());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A member's profile (yourself, or any member for staff)")
    public MemberView get(@PathParam("id") UUID id) {
        caller.requireSelfOrRole(id, Roles.ADMIN, Roles.AUDITOR, Roles.KYC_OFFICER, Roles.FINANCE);
        return MemberView.of(members.get(id));
    }

    @PUT
    @Path("/{id}/profile")
    @Operation(summary = "Replace the editable profile (name, phone, country)")
    public MemberView updateProfile(@PathParam("id") UUID id, @NotNull @Valid ProfileUpdateRequest request) {
        caller.requireSelfOrRole(id, Roles.ADMIN);
        return MemberView.of(members.updateProfile(id,
                new ProfileChange(request.name(), request.phone(), request.country())));
    }

    @POST
    @Path("/{id}/{action: activate|suspend|reinstate|terminate}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the member's status (activate, suspend, reinstate, terminate), with a reason")
    public MemberView changeStatus(@PathParam("id") UUID id, @PathParam("action") String action,
            @NotNull @Valid ReasonRequest request) {
        return MemberView.of(members.changeStatus(id, StatusChange.valueOf(action.toUpperCase(Locale.ROOT)),
                request.reason()));
    }

    @PUT
    @Path("/{id}/sponsor")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move the member and their whole downline under a new sponsor")
    public SponsorChangeView changeSponsor(@PathParam("id") UUID id, @NotNull @Valid SponsorChangeRequest request) {
        return SponsorChangeView.of(sponsorChanges.changeSponsor(id, request.newSponsorId(), request.reason()));
    }

    @GET
    @Path("/{id}/sponsor-history")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Every sponsor the member has had, oldest first")
    public List<SponsorEdgeView> sponsorHistory(@PathParam("id") UUID id) {
        return sponsorChanges.history(id).stream().map(SponsorEdgeView::of).toList();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Search members by email or name fragment and status")
    public Page<MemberView> search(@QueryParam("email") @Size(min = 2, max = 254) String email,
            @QueryParam("name") @Size(min = 2, max = 200) String name,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return members.search(email, name, parseStatus(status), page, size).map(MemberView::of);
    }

    /** The token's email when the identity provider has verified it, else null. */
    private String verifiedEmail() {
        Object verified = token.getClaim(Claims.email_verified.name());
        Object email = token.getClaim(Claims.email.name());
        if (email == null || !(Boolean.TRUE.equals(verified) || JsonValue.TRUE.equals(verified))) {
            return null;
        }
        return email instanceof JsonString json ? json.getString() : email.toString();
    }

    private static MemberStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return MemberStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of PENDING, ACTIVE, SUSPENDED, TERMINATED");
        }
    }
}
