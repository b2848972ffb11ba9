package io.downline.audit.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.audit.domain.AuditFilter;
import io.downline.audit.service.AuditQueries;
import io.downline.platform.security.Roles;
import io.quarkus.security.Authenticated;

/** Reading the log (auditors and admins); nothing writes through the API. */
@Path("/api/audit")
@Authenticated
@Tag(name = "Audit log", description = "Every event and admin action, hash-chained: search, export, verification")
public class AuditEntryResource {

    static final String NDJSON = "application/x-ndjson";

    private final AuditQueries queries;

    public AuditEntryResource(AuditQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/entries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Entries newest first, filtered by actor, subject, type, source and event time, with a cursor")
    public EntryPageView entries(@QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("subject") @Size(max = 200) String subject,
            @QueryParam("type") @Size(max = 200) String type,
            @QueryParam("source") @Size(max = 200) String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,18}", message = "must be a nextCursor of this API") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        AuditFilter filter = QueryTimes.filter(actor, subject, type, source, from, to, null, null);
        return EntryPageView.of(queries.page(filter, QueryTimes.blank(cursor), limit));
    }

    @GET
    @Path("/entries/{seq}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "One entry by its sequence number")
    public EntryView entry(@PathParam("seq") @Min(1) long seq) {
        return EntryView.of(queries.get(seq));
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Export matching entries oldest first as NDJSON, one canonical line per entry with its hashes, "
            + "for offline verification (tools/verify-export.py)")
    public Response export(@QueryParam("actor") @Size(max = 200) String actor,
            @QueryParam("subject") @Size(max = 200) String subject,
            @QueryParam("type") @Size(max = 200) String type,
            @QueryParam("source") @Size(max = 200) String source,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("fromSeq") @Min(1) Long fromSeq, @QueryParam("toSeq") @Min(1) Long toSeq) {
        AuditFilter filter = QueryTimes.filter(actor, subject, type, source, from, to, fromSeq, toSeq);
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            queries.export(filter, line -> write(writer, line));
            writer.flush();
        };
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=\"audit-export.ndjson\"")
                .build();
    }

    private static boolean write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away during an export", e);
        }
    }
}
