package io.downline.notification.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.downline.notification.service.Delivery;

/**
 * This replica's sockets and who is in which room. Metrics: {@code downline_notification_sockets} (open sockets)
 * and {@code downline_notification_slow_disconnects_total} (sockets closed as too slow).
 */
@ApplicationScoped
public class Rooms {

    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byRoom = new ConcurrentHashMap<>();
    private final Counter slowDisconnects;

    public Rooms(MeterRegistry registry) {
        Gauge.builder("downline_notification_sockets", sockets, Map::size)
                .description("WebSocket connections open on this replica").register(registry);
        slowDisconnects = Counter.builder("downline_notification_slow_disconnects_total")
                .description("Sockets closed because their client could not keep up").register(registry);
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
        byRoom.computeIfPresent(subscription.room(), (room, members) -> {
            members.remove(subscription);
            return members.isEmpty() ? null : members;
        });
    }

    /** Pushes a notification to this replica's sockets in its room. */
    public void deliver(Delivery delivery) {
        Set<Subscription> subscriptions = byRoom.get(delivery.room());
        if (subscriptions != null) {
            subscriptions.forEach(subscription -> subscription.offer(delivery));
        }
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
