package io.downline.platform.members;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

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

    public MemberChangeRecorder(MemberProjectionStore store) {
        this.store = store;
    }

    void on(@Observes MemberChanged change) {
        UUID memberId = change.after().memberId();
        seen.add(new Seen(change, QuarkusTransaction.isActive(), store.find(memberId)));
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
