package io.downline.platform.inbox;

import java.util.Objects;

/**
 * Thrown by a handler when the event refers to something this service does not know yet (topics are not
 * ordered with each other): the platform rolls the attempt back and parks the event under {@link #key()}. It is
 * applied when what it waits for arrives ({@link Parking#release(String, Object)}) or at the next sweep.
 *
 * <pre>
 * Member member = members.findByIdOptional(id).orElseThrow(() -&gt; new WaitingFor("member", id));
 * </pre>
 */
public class WaitingFor extends RuntimeException {

    private final String key;

    public WaitingFor(String kind, Object id) {
        super("Waiting for " + key(kind, id), null, false, false);
        this.key = key(kind, id);
    }

    /** What the event waits for, e.g. {@code member:5f2d...}. */
    public String key() {
        return key;
    }

    static String key(String kind, Object id) {
        return Objects.requireNonNull(kind, "kind") + ":" + Objects.requireNonNull(id, "id");
    }
}
