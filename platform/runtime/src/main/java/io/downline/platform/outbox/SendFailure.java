package io.downline.platform.outbox;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a send the broker refused for the record itself (too large, invalid topic name, no permission on the
 * topic: retrying cannot help until someone changes something) from a failure a later attempt cures (broker
 * unreachable or busy, timeouts, leader changes) or one that concerns every row alike (the relay's own
 * credentials), which must never park rows one by one.
 */
final class SendFailure {

    private SendFailure() {
    }

    /** Whether the failure belongs to the row: only such failures can park it. */
    static boolean refusedRow(Throwable failure) {
        return failure instanceof ApiException
                && !(failure instanceof RetriableException)
                && !(failure instanceof AuthenticationException)
                && !(failure instanceof ClusterAuthorizationException);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
