package io.downline.user.rest;

import java.util.List;
import java.util.UUID;

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

import io.downline.platform.paging.Page;
import io.downline.user.rest.dto.GenealogyNodeView;
import io.downline.user.rest.dto.LevelCountsView;
import io.downline.user.rest.dto.TreeView;
import io.downline.user.service.GenealogyService;
import io.quarkus.security.Authenticated;

@Path("/api/members/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Genealogy")
@Authenticated
public class GenealogyResource {

    private final GenealogyService genealogy;

    public GenealogyResource(GenealogyService genealogy) {
        this.genealogy = genealogy;
    }

    @GET
    @Path("/upline")
    @Operation(summary = "The sponsors above the member, nearest first, up to the root")
    public List<GenealogyNodeView> upline(@PathParam("id") UUID id) {
        return genealogy.upline(id);
    }

    @GET
    @Path("/downline")
    @Operation(summary = "The members below, level by level, paged")
    public Page<GenealogyNodeView> downline(@PathParam("id") UUID id,
            @QueryParam("maxDepth") @DefaultValue("10") @Min(1) @Max(100) int maxDepth,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return genealogy.downline(id, maxDepth, page, size);
    }

    @GET
    @Path("/downline/levels")
    @Operation(summary = "How many members sit at each level below the member")
    public LevelCountsView levels(@PathParam("id") UUID id,
            @QueryParam("maxDepth") @DefaultValue("20") @Min(1) @Max(1000) int maxDepth) {
        return genealogy.levels(id, maxDepth);
    }

    @GET
    @Path("/downline/count")
    @Operation(summary = "Size of the whole downline")
    public DownlineCount count(@PathParam("id") UUID id) {
        return new DownlineCount(id, genealogy.downlineCount(id));
    }

    @GET
    @Path("/downline/tree")
    @Operation(summary = "The member and their downline nested, for a genealogy view")
    public TreeView tree(@PathParam("id") UUID id,
            @QueryParam("depth") @DefaultValue("3") @Min(1) @Max(6) int depth) {
        return genealogy.tree(id, depth);
    }

    public record DownlineCount(UUID memberId, long members) {
    }
}
