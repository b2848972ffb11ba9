package io.downline.platform.security;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The status policy's safety net in every service: a suspended or terminated member who is not staff may
 * change nothing, so every POST, PUT, PATCH or DELETE they send is refused with 403 before it reaches an
 * endpoint. What they may still read (their own profile only) is each service's read paths' business
 * ({@link Caller#requireGoodStanding()}).
 *
 * <p>It runs on the endpoint's thread (a worker thread for blocking endpoints), where {@link MemberDirectory}
 * may query the database.
 */
public class RestrictedMemberFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Caller caller;

    public RestrictedMemberFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public void refuseChanges(ContainerRequestContext request) {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            caller.requireGoodStanding();
        }
    }
}
