package io.downline.notification.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.downline.notification.service.Viewer;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open connection: who holds it, the rooms it joined, and a bounded send queue. A client that lets more
 * than {@code sendQueue} messages pile up unwritten is disconnected (close code 4002); it catches up from the
 * inbox when it reconnects with its last sequence, and it never slows the other clients down.
 */
public class Socket {

    /** Close code: the client does not read fast enough. */
    public static final int TOO_SLOW = 4002;
    /** Close code: this replica may have missed notifications; reconnect with your last sequence. */
    public static final int RECONNECT = 1012;

    private final WebSocketConnection connection;
    private final Executor eventLoop;
    private final Viewer viewer;
    private final int sendQueue;
    private final Runnable tooSlow;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    public Socket(WebSocketConnection connection, Executor eventLoop, Viewer viewer, int sendQueue, Runnable tooSlow) {
        this.connection = connection;
        this.eventLoop = eventLoop;
        this.viewer = viewer;
        this.sendQueue = sendQueue;
        this.tooSlow = tooSlow;
    }

    public String id() {
        return connection.id();
    }

    public Viewer viewer() {
        return viewer;
    }

    /** The event loop of the connection: a write from there goes straight to the channel, without a task. */
    Executor eventLoop() {
        return eventLoop;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /** Queues a frame; never blocks. Over the bound, the connection is closed instead. */
    public void send(String frame) {
        if (closing.get()) {
            return;
        }
        if (pending.incrementAndGet() > sendQueue) {
            if (!closing.get()) {
                tooSlow.run();
            }
            close(TOO_SLOW, "Too slow: reconnect with your last sequence to catch up");
            return;
        }
        connection.sendText(frame).subscribe().with(done -> pending.decrementAndGet(),
                failure -> pending.decrementAndGet());
    }

    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            connection.close(new CloseReason(code, reason)).subscribe().with(done -> {
            }, failure -> {
            });
        }
    }

    public boolean open() {
        return !closing.get() && connection.isOpen();
    }
}
