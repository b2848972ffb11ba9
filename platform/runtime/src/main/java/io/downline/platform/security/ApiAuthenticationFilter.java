package io.downline.platform.security;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Everything under {@code /api/} needs a valid token, in every service, also paths that match no resource:
 * without this, a request with no token to an unknown path under {@code /api/members/{id}/} is answered 404
 * instead of 401 (which tells an anonymous caller which paths exist),
 * because authentication is lazy and only a matched, annotated resource asks for it. Runs before matching;
 * the platform's problem mappers turn the refusal into a 401 problem with {@code WWW-Authenticate}.
 */
public class ApiAuthenticationFilter {

    private final CurrentIdentityAssociation identity;

    public ApiAuthenticationFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> requireToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return null;
        });
    }
}
