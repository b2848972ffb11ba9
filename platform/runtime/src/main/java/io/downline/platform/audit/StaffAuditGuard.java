package io.downline.platform.audit;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.downline.platform.http.Problem;
import io.downline.platform.http.RequestLogFilter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Makes a forgotten audit visible: a successful (2xx) change (any method but GET, HEAD, OPTIONS) made by a
 * caller with an audited staff role, during which nothing called {@link AdminAudit#record}, is logged as an
 * ERROR and counted in {@code downline_staff_actions_unaudited_total}. With {@code downline.audit.enforce}
 * (on in tests) the response becomes a 500 problem, so the test of that change fails.
 */
public class StaffAuditGuard {

    private static final Logger LOG = Logger.getLogger(StaffAuditGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identity;
    private final AuditConfig config;
    private final UnauditedStaffActions unaudited;

    public StaffAuditGuard(AuditTrail trail, CurrentIdentityAssociation identity, AuditConfig config,
            UnauditedStaffActions unaudited) {
        this.trail = trail;
        this.identity = identity;
        this.config = config;
        this.unaudited = unaudited;
    }

    @ServerResponseFilter
    public Uni<Void> check(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource) {
        int status = response.getStatus();
        if (SAFE_METHODS.contains(request.getMethod()) || status < 200 || status >= 300 || trail.recorded()) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(caller -> {
                    if (isAuditedStaff(caller)) {
                        refuse(request, response, resource, caller);
                    }
                })
                .replaceWithVoid();
    }

    private static boolean isAuditedStaff(SecurityIdentity caller) {
        return caller != null && !caller.isAnonymous()
                && AdminAudit.AUDITED_ROLES.stream().anyMatch(caller::hasRole);
    }

    private void refuse(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource, SecurityIdentity caller) {
        unaudited.increment();
        String correlationId = String.valueOf(MDC.get(RequestLogFilter.REQUEST_ID));
        LOG.errorf("Staff change without admin.action-performed: %s %s (%s.%s) by %s %s, correlation id %s; "
                + "the service must call AdminAudit.record for every change", request.getMethod(),
                request.getUriInfo().getPath(), resource.getResourceClass().getSimpleName(), resource.getMethodName(),
                caller.getPrincipal().getName(), caller.getRoles(), correlationId);
        if (!config.enforce()) {
            return;
        }
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.setStatus(500);
        response.setEntity(new Problem("urn:downline:problem:unaudited-staff-action", "Internal error", 500,
                "The change was not audited; quote correlation id " + correlationId + " to support",
                request.getUriInfo().getPath(), correlationId, List.of()), null,
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
