package io.downline.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * the client address otherwise (the {@code X-Forwarded-For} address when the connection comes from a trusted
 * proxy, {@code quarkus.http.proxy.trusted-proxies}; else the socket's). Over the limit the caller gets 429
 * with {@code Retry-After}. Paths with a limit of their own ({@code downline.http.rate-limit.paths}) count
 * against both. Limits are per instance; behind N replicas a caller gets up to N times the configured rate.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final HttpConfig.RateLimit config;
    private final CurrentIdentityAssociation identity;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(HttpConfig config, CurrentIdentityAssociation identity) {
        this.config = config.rateLimit();
        this.identity = identity;
        Duration longest = this.config.paths().values().stream().map(HttpConfig.PathLimit::period)
                .reduce(this.config.period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.maxCallers())
                .expireAfterAccess(longest.multipliedBy(2))
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
                    String path = uri.getPath();
                    for (Map.Entry<String, HttpConfig.PathLimit> entry : config.paths().entrySet()) {
                        if (path.startsWith(entry.getKey())) {
                            HttpConfig.PathLimit limit = entry.getValue();
                            Response refused = take(entry.getKey() + " " + caller, limit.requests(), limit.period(), uri);
                            if (refused != null) {
                                return refused;
                            }
                        }
                    }
                    return take(caller, config.requests(), config.period(), uri);
                });
    }

    private Response take(String key, long requests, Duration period, UriInfo uri) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket(requests, period)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        return Response.fromResponse(ProblemMappers.respond(429, "too-many-requests", "Too many requests",
                "Rate limit of " + requests + " requests per " + period.toSeconds() + "s exceeded; retry in "
                        + seconds + "s",
                List.of(), uri))
                .header("Retry-After", seconds)
                .build();
    }

    private static Bucket newBucket(long requests, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build();
    }

    /** With proxy-address forwarding on, Vert.x already answers the forwarded address for a trusted proxy. */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
