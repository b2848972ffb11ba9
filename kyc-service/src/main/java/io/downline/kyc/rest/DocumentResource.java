package io.downline.kyc.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.rest.dto.DocumentView;
import io.downline.kyc.service.DocumentService;
import io.downline.platform.http.ProblemException;
import io.downline.platform.idempotency.Idempotent;
import io.downline.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/kyc/cases/{caseId}/documents")
@Tag(name = "KYC documents", description = "Identity documents, stored encrypted: upload and download")
@Authenticated
public class DocumentResource {

    private static final int MAX_DOCUMENT_NUMBER = 64;

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Idempotent
    @Operation(summary = "Upload a document (PDF, JPEG or PNG, multipart part \"file\") to your draft case; needs an Idempotency-Key")
    public Response upload(@PathParam("caseId") UUID caseId, @RestForm("file") FileUpload file,
            @RestForm("type") String type, @RestForm("documentNumber") String documentNumber,
            @RestForm("dateOfBirth") String dateOfBirth) {
        if (file == null) {
            throw ProblemException.invalidField("file", "a file part named \"file\" is required");
        }
        DocumentView stored = DocumentView.of(documents.upload(new DocumentService.Received(caseId, documentType(type),
                file.uploadedFile(), file.contentType(), details(documentNumber, dateOfBirth))));
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/kyc/cases/" + caseId + "/documents/" + stored.id() + "/content")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(stored).build();
    }

    @GET
    @Path("/{documentId}/content")
    @Produces({ "application/pdf", "image/jpeg", "image/png" })
    @Operation(summary = "Download a document: your own, or, for an officer, one of a case you review (audited)")
    public Response download(@PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
        DocumentService.Download download = documents.download(caseId, documentId);
        StreamingOutput body = download.content()::writeTo;
        var document = download.document();
        return Response.ok(body, document.format().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header("Content-Disposition", "attachment; filename=\"" + document.type().name().toLowerCase()
                        + "-" + document.id() + "." + document.format().extension() + "\"")
                .header("X-Content-SHA256", document.sha256())
                .build();
    }

    private static DocumentType documentType(String type) {
        if (type == null || type.isBlank()) {
            throw ProblemException.invalidField("type", "required, one of " + Arrays.toString(DocumentType.values()));
        }
        try {
            return DocumentType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("type", "must be one of " + Arrays.toString(DocumentType.values()));
        }
    }

    private static DocumentDetails details(String documentNumber, String dateOfBirth) {
        String number = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip();
        if (number != null && (number.length() > MAX_DOCUMENT_NUMBER || !number.matches("[A-Za-z0-9 -]+"))) {
            throw ProblemException.invalidField("documentNumber",
                    "at most " + MAX_DOCUMENT_NUMBER + " letters, digits, spaces or dashes");
        }
        LocalDate birth = null;
        if (dateOfBirth != null && !dateOfBirth.isBlank()) {
            try {
                birth = LocalDate.parse(dateOfBirth.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("dateOfBirth", "an ISO date, e.g. 1990-04-21");
            }
        }
        return new DocumentDetails(number, birth);
    }
}
