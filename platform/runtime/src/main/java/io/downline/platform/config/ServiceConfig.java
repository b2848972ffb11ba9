package io.downline.platform.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who this service is: its name (the CloudEvents source) and the topic it publishes its own events on. */
@ConfigMapping(prefix = "downline.service")
public interface ServiceConfig {

    /** Service name, used as {@code ce_source} and in audit records, e.g. {@code user-service}. */
    String name();

    /**
     * The domain topic this service publishes to, e.g. {@code users.events.v1}; empty for a consume-only
     * service (notification, audit), which then cannot publish events that have no topic of their own.
     */
    Optional<String> topic();
}
