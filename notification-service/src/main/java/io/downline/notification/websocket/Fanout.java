package io.downline.notification.websocket;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.service.StoredFrames;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts this replica's {@link DeliveryListener}: every notification stored by any replica reaches the sockets
 * this replica holds. What this replica stored itself it also pushes at once after the commit, without waiting
 * for its NOTIFY to come back (whichever comes first is sent, the other skipped).
 */
@ApplicationScoped
public class Fanout {

    private final DeliveryListener listener;
    private final Rooms rooms;
    private final boolean pushOwn;

    public Fanout(DataSource dataSource, Rooms rooms, NotificationConfig config) {
        this.listener = new DeliveryListener(dataSource, rooms::deliver,
                () -> rooms.closeAll(Socket.RECONNECT, "Reconnect with your last sequence"));
        this.rooms = rooms;
        this.pushOwn = config.pushOwn();
    }

    /** Runs on the storing thread once its transaction has committed (never for one rolled back). */
    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredFrames frames) {
        if (pushOwn) {
            rooms.deliverOwn(frames.pushes());
        }
    }

    void start(@Observes StartupEvent startup) {
        listener.start("notification-fanout");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        listener.stop();
    }

    public boolean listening() {
        return listener.listening();
    }
}
