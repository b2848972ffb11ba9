package io.downline.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Per-caller token bucket in front of every REST endpoint: the token's subject for authenticated callers,
 * the client address otherwise. Over the limit the caller gets 429 with {@code Retry-After}. Limits are
 * per instance; behind N replicas a caller gets up to N times the configured rate.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final HttpConfig.RateLimit config;
    private final CurrentIdentityAssociation identity;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(HttpConfig config, CurrentIdentityAssociation identity) {
        this.config = config.rateLimit();
        this.identity = identity;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.maxCallers())
                .expireAfterAccess(this.config.period().multipliedBy(2))
                .build();
    }

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest request, UriInfo uri) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(id -> {
                    String caller = id == null || id.isAnonymous() ? "addr:" + clientAddress(request)
                            : "sub:" + id.getPrincipal().getName();
                    ConsumptionProbe probe = buckets.get(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return null;
                    }
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
                    return Response.fromResponse(ProblemMappers.respond(429, "too-many-requests", "Too many requests",
                            "Rate limit of " + config.requests() + " requests per " + config.period().toSeconds()
                                    + "s exceeded; retry in " + seconds + "s",
                            List.of(), uri))
                            .header("Retry-After", seconds)
                            .build();
                });
    }

    private Bucket newBucket() {
        Duration period = config.period();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(config.requests()).refillGreedy(config.requests(), period).build())
                .build();
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
