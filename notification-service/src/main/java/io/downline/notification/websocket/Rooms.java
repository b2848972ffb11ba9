package io.downline.notification.websocket;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.downline.notification.service.Push;

/**
 * This replica's sockets and who is in which room. Metrics: {@code downline_notification_sockets} (open sockets),
 * {@code downline_notification_slow_disconnects_total} (sockets closed as too slow) and
 * {@code downline_notification_pushes_total{path}} (live frames written, by the path that came first).
 */
@ApplicationScoped
public class Rooms {

    private static final Logger LOG = Logger.getLogger(Rooms.class);

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byRoom = new ConcurrentHashMap<>();
    private final Counter slowDisconnects;
    private final Counter sentOwn;
    private final Counter sentFromListener;

    public Rooms(MeterRegistry registry) {
        Gauge.builder("downline_notification_sockets", sockets, Map::size)
                .description("WebSocket connections open on this replica").register(registry);
        slowDisconnects = Counter.builder("downline_notification_slow_disconnects_total")
                .description("Sockets closed because their client could not keep up").register(registry);
        sentOwn = pushes(registry, "own");
        sentFromListener = pushes(registry, "listener");
    }

    private static Counter pushes(MeterRegistry registry, String path) {
        return Counter.builder("downline_notification_pushes_total").tag("path", path)
                .description("Live notifications written to sockets, by the path that got there first: own (pushed by"
                        + " the replica that stored them, after its commit) or listener (its NOTIFY)")
                .register(registry);
    }

    /** Counts a socket closed as too slow. */
    void tooSlow() {
        slowDisconnects.increment();
    }

    void open(Socket socket) {
        sockets.put(socket.id(), socket);
    }

    Socket socket(String id) {
        return sockets.get(id);
    }

    void close(String socketId) {
        Socket socket = sockets.remove(socketId);
        if (socket != null) {
            socket.subscriptions().values().forEach(this::remove);
        }
    }

    void add(Subscription subscription) {
        subscription.socket().subscriptions().put(subscription.room(), subscription);
        byRoom.compute(subscription.room(), (room, members) -> {
            Set<Subscription> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(subscription);
            return set;
        });
    }

    void leave(Socket socket, String room) {
        Subscription subscription = socket.subscriptions().remove(room);
        if (subscription != null) {
            remove(subscription);
        }
    }

    private void remove(Subscription subscription) {
        subscription.end();
        byRoom.computeIfPresent(subscription.room(), (room, members) -> {
            members.remove(subscription);
            return members.isEmpty() ? null : members;
        });
    }

    private record Offer(Subscription subscription, Push push) {
    }

    /**
     * Pushes notifications from the listener (stored by any replica) to this replica's sockets in their rooms: one
     * task per event loop, which writes every frame due on its connections in the order given (a connection's
     * frames stay in order).
     */
    public void deliver(List<Push> pushes) {
        deliver(pushes, false);
    }

    /**
     * Pushes notifications this replica has just committed, ahead of their NOTIFY; each goes only where it is the
     * next number of its room (see {@link Subscription#offerOwn}).
     */
    public void deliverOwn(List<Push> pushes) {
        deliver(pushes, true);
    }

    private void deliver(List<Push> pushes, boolean own) {
        Map<Executor, List<Offer>> byLoop = new IdentityHashMap<>();
        for (Push push : pushes) {
            Set<Subscription> subscriptions = byRoom.get(push.room());
            if (subscriptions != null) {
                for (Subscription subscription : subscriptions) {
                    byLoop.computeIfAbsent(subscription.socket().eventLoop(), loop -> new ArrayList<>())
                            .add(new Offer(subscription, push));
                }
            }
        }
        Counter sent = own ? sentOwn : sentFromListener;
        byLoop.forEach((loop, offers) -> loop.execute(() -> offer(offers, own, sent)));
    }

    private static void offer(List<Offer> offers, boolean own, Counter sent) {
        int count = 0;
        for (Offer offer : offers) {
            try {
                Subscription subscription = offer.subscription();
                if (own ? subscription.offerOwn(offer.push()) : subscription.offer(offer.push())) {
                    count++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Pushing notification %d of %s failed", offer.push().sequence(), offer.push().room());
            }
        }
        sent.increment(count);
    }

    Set<Subscription> in(String room) {
        return byRoom.getOrDefault(room, Set.of());
    }

    /** Closes every socket, e.g. after this replica may have missed deliveries. */
    void closeAll(int code, String reason) {
        sockets.values().forEach(socket -> socket.close(code, reason));
    }

    /** How many of this replica's sockets are in the room and not being closed. */
    public int inRoom(String room) {
        return (int) in(room).stream().filter(subscription -> subscription.socket().open()).count();
    }

    public int size() {
        return sockets.size();
    }
}
