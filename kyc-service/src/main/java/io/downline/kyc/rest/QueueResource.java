package io.downline.kyc.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.kyc.domain.CaseStatus;
import io.downline.kyc.domain.KycLevel;
import io.downline.kyc.rest.dto.QueuePageView;
import io.downline.platform.http.ProblemException;
import io.downline.platform.security.Roles;
import io.downline.kyc.service.ReviewService;

@Path("/api/kyc/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KYC review queue", description = "The officers' queue of cases to review")
@RolesAllowed({ Roles.KYC_OFFICER, Roles.ADMIN, Roles.AUDITOR })
public class QueueResource {

    private final ReviewService reviews;

    public QueueResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(summary = "The officers' queue, oldest submission first, with each case's age; by default submitted and in-review cases; total counted up to 10,000")
    public QueuePageView queue(@QueryParam("status") List<String> status, @QueryParam("level") String level,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 code") String country,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return QueuePageView.of(reviews.queue(statuses(status), level(level), country, page, size));
    }

    private static List<CaseStatus> statuses(List<String> values) {
        List<CaseStatus> statuses = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                statuses.add(parse(CaseStatus.class, "status", part));
            }
        }
        return statuses;
    }

    private static KycLevel level(String value) {
        return value == null || value.isBlank() ? null : parse(KycLevel.class, "level", value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
