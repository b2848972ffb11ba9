package io.downline.notification.websocket;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.downline.notification.repository.NotificationRepository;
import io.downline.notification.service.DeliveryPayloads;
import io.downline.notification.service.Push;

/**
 * One replica's ear on the delivery channel: LISTENs on a database connection of its own and hands every
 * notification committed by any replica to {@code deliver}, those of one read together and in commit order. A
 * replica that loses the connection may have missed notifications while away: after it listens again it calls {@code resubscribed}, which closes the
 * replica's sockets so that their clients reconnect with their last sequence and replay the gap.
 */
public class DeliveryListener implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeliveryListener.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Consumer<List<Push>> deliver;
    private final Runnable resubscribed;
    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    public DeliveryListener(DataSource dataSource, Consumer<List<Push>> deliver, Runnable resubscribed) {
        this.dataSource = dataSource;
        this.deliver = deliver;
        this.resubscribed = resubscribed;
    }

    public void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the listener is subscribed to the channel right now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void run() {
        boolean first = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + NotificationRepository.DELIVERY_CHANNEL);
                }
                listening = true;
                if (!first) {
                    resubscribed.run();
                }
                first = false;
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Delivery listener lost its database connection, listening again in %s: %s", RETRY,
                            e.getMessage());
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications((int) WAIT.toMillis());
            if (notifications == null || notifications.length == 0) {
                continue;
            }
            List<Push> pushes = new ArrayList<>();
            for (PGNotification notification : notifications) {
                read(notification.getParameter(), pushes);
            }
            try {
                deliver.accept(pushes);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Pushing %d notifications failed", pushes.size());
            }
        }
    }

    private static void read(String payload, List<Push> into) {
        try {
            into.addAll(DeliveryPayloads.unpack(payload));
        } catch (IllegalArgumentException e) {
            LOG.errorf("Unreadable delivery on %s, skipped: %s", NotificationRepository.DELIVERY_CHANNEL, e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
