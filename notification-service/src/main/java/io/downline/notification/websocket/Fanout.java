package io.downline.notification.websocket;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts this replica's {@link DeliveryListener}: every notification stored by any replica reaches the sockets
 * this replica holds.
 */
@ApplicationScoped
public class Fanout {

    private final DeliveryListener listener;

    public Fanout(DataSource dataSource, Rooms rooms) {
        this.listener = new DeliveryListener(dataSource, rooms::deliver,
                () -> rooms.closeAll(Socket.RECONNECT, "Reconnect with your last sequence"));
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
