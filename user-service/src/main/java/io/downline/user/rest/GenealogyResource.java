package io.downline.user.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.platform.http.ProblemException;
import io.downline.platform.security.Roles;
import io.downline.user.domain.DownlineCursor;
import io.downline.user.rest.dto.DownlinePageView;
import io.downline.user.rest.dto.GenealogyNodeView;
import io.downline.user.rest.dto.LevelCountsView;
import io.downline.user.rest.dto.TreeConsistencyView;
import io.downline.user.rest.dto.TreeView;
import io.downline.user.service.GenealogyService;
import io.quarkus.security.Authenticated;

/**
 * The sponsor tree as members and staff read it. Depth is capped on every downline read (a leader with a
 * 100,000-member leg cannot turn a request into a scan of all of it) and the queries carry a statement timeout.
 */
@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Genealogy", description = "The sponsor tree: upline, downline, sponsor changes")
@Authenticated
public class GenealogyResource {

    /** Deepest level a downline page, level count or tree may reach below the member. */
    public static final int MAX_DEPTH = 20;
    /** Largest downline page. */
    public static final int MAX_LIMIT = 200;

    private final GenealogyService genealogy;

    public GenealogyResource(GenealogyService genealogy) {
        this.genealogy = genealogy;
    }

    @GET
    @Path("/{id}/upline")
    @Operation(summary = "The sponsors above the member, nearest first, up to the root")
    public List<GenealogyNodeView> upline(@PathParam("id") UUID id) {
        boolean full = genealogy.callerSeesEverything();
        return genealogy.upline(id).stream().map(node -> GenealogyNodeView.of(node, full)).toList();
    }

    @GET
    @Path("/{id}/downline")
    @Operation(summary = "The members below, level by level, one keyset page at a time (pass next as after)")
    public DownlinePageView downline(@PathParam("id") UUID id,
            @QueryParam("maxDepth") @DefaultValue("10") @Min(1) @Max(MAX_DEPTH) int maxDepth,
            @QueryParam("after") @Size(max = 64) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit) {
        Optional<DownlineCursor> cursor = after == null ? Optional.empty()
                : Optional.of(DownlineCursor.parse(after).orElseThrow(
                        () -> ProblemException.invalidField("after", "is not a cursor this API handed out")));
        return DownlinePageView.of(genealogy.downline(id, maxDepth, cursor, limit), genealogy.callerSeesEverything());
    }

    @GET
    @Path("/{id}/downline/levels")
    @Operation(summary = "How many members sit at each level below the member")
    public LevelCountsView levels(@PathParam("id") UUID id,
            @QueryParam("maxDepth") @DefaultValue("20") @Min(1) @Max(MAX_DEPTH) int maxDepth) {
        return LevelCountsView.of(genealogy.levels(id, maxDepth));
    }

    @GET
    @Path("/{id}/downline/count")
    @Operation(summary = "Size of the whole downline")
    public DownlineCount count(@PathParam("id") UUID id) {
        return new DownlineCount(id, genealogy.downlineCount(id));
    }

    @GET
    @Path("/{id}/downline/tree")
    @Operation(summary = "The member and their downline nested, for a genealogy view")
    public TreeView tree(@PathParam("id") UUID id,
            @QueryParam("depth") @DefaultValue("3") @Min(1) @Max(6) int depth) {
        return TreeView.of(genealogy.tree(id, depth), genealogy.callerSeesEverything());
    }

    @GET
    @Path("/tree/consistency")
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Check that every member's path is their sponsor's path plus their own label")
    public TreeConsistencyView consistency() {
        return TreeConsistencyView.of(genealogy.brokenLinks());
    }

    public record DownlineCount(UUID memberId, long members) {
    }
}
