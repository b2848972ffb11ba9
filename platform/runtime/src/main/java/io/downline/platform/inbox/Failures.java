package io.downline.platform.inbox;

import java.util.Optional;

import io.downline.platform.domain.DomainException;
import io.downline.platform.events.EventJsonException;
import io.downline.platform.events.EventSchemaViolation;
import io.downline.platform.events.MalformedEventException;

/**
 * What a failed attempt means. Poison: the same record can never succeed, whatever the state of the database:
 * an unreadable envelope or payload, a schema violation, or the domain refusing the fact (a
 * {@link DomainException}: our state rejects it, and a retry with the same state gives the same answer; what
 * may change that state is another event, and that is what {@link WaitingFor} is for). Everything else (SQL
 * errors, lost connections, deadlocks, lock timeouts, optimistic-lock clashes, a bug) is treated as transient
 * and retried, because dead-lettering it would lose the event and break the order of its aggregate.
 */
final class Failures {

    private Failures() {
    }

    static Optional<WaitingFor> waitingFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WaitingFor waiting) {
                return Optional.of(waiting);
            }
        }
        return Optional.empty();
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EventProcessingException || t instanceof MalformedEventException
                    || t instanceof EventJsonException || t instanceof EventSchemaViolation
                    || t instanceof DomainException) {
                return true;
            }
        }
        return false;
    }
}
