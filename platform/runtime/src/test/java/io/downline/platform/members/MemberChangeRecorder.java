package io.downline.platform.members;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * A service's hook on the projection, as the tests see it: records every {@link MemberChanged} with what it could
 * see at that moment, and fails once for a member when asked (to prove it runs in the projection's transaction).
 */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class MemberChangeRecorder {

    /** One call of the observer: whether a transaction was active, and the member's row as the observer saw it. */
    public record Seen(MemberChanged change, boolean inTransaction, Optional<ProjectedMember> rowSeen) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();
    private final MemberProjectionStore store;
    private final TransactionSynchronizationRegistry transactions;

    public MemberChangeRecorder(MemberProjectionStore store, TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    void on(@Observes MemberChanged change) {
        UUID memberId = change.after().memberId();
        seen.add(new Seen(change, transactions.getTransactionStatus() == Status.STATUS_ACTIVE, store.find(memberId)));
        if (failOnce.remove(memberId)) {
            throw new IllegalStateException("The service's hook fails once for member " + memberId);
        }
    }

    public void failOnceFor(UUID memberId) {
        failOnce.add(memberId);
    }

    public List<Seen> seenFor(UUID memberId) {
        return seen.stream().filter(s -> s.change().after().memberId().equals(memberId)).toList();
    }
}
