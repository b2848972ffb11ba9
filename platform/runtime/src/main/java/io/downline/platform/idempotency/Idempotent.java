package io.downline.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Makes a REST method honour the {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header
 * Field"), for a POST that clients may retry:
 * <ul>
 * <li>the first request with a key runs; a repeat with the same key and body gets the stored response (status,
 * headers such as {@code Location}, body), without running again;</li>
 * <li>the same key with another method, path or body: 422;</li>
 * <li>a repeat while the first is still running waits for it (up to {@code downline.idempotency.wait}), then
 * gets its stored response, or 409 if it is still running;</li>
 * <li>without a key: 400 when {@link #required()}, else the request simply runs.</li>
 * </ul>
 * Keys belong to the caller (the token's subject) and expire after {@code downline.idempotency.retention}; an
 * anonymous request has no scope for its key and runs untouched. A first request that fails (5xx, or an answer
 * about the caller's credentials or the moment: 401, 403, 408, 409, 425, 429) releases its key, so a retry
 * runs again. The method must be blocking (e.g. {@code @Transactional}): repeats wait on a worker thread.
 * See {@code platform/runtime/docs/http.md}.
 *
 * <pre>
 * &#64;POST
 * &#64;Idempotent
 * public Response requestPayout(&#64;Valid PayoutRequest request) { ... }
 * </pre>
 */
@NameBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    String HEADER = "Idempotency-Key";

    /** Whether a request without the header is refused with 400. */
    boolean required() default true;
}
