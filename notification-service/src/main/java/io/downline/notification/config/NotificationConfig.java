package io.downline.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code downline.notifications.*}: see the README's configuration table. */
@ConfigMapping(prefix = "downline.notifications")
public interface NotificationConfig {

    /** Messages a connection may have waiting to be written before it is closed as too slow. */
    int sendQueue();

    /** Notifications read from the database per query while a client catches up. */
    int replayBatch();

    /** Language of members without one of their own. */
    String defaultLocale();

    /**
     * Whether this replica pushes the notifications it stored to its own sockets straight after commit, rather
     * than waiting for its own NOTIFY to come back (the other replicas still get the NOTIFY).
     */
    boolean pushOwn();

    Mail mail();

    LivePage livePage();

    interface Mail {
        String from();

        int batch();

        Duration every();
    }

    interface LivePage {
        String authServerUrl();

        String clientId();
    }
}
