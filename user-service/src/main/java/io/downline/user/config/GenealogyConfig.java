package io.downline.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.genealogy")
public interface GenealogyConfig {

    /**
     * Longest a member-facing genealogy read (downline page, level counts, count, tree) may run before
     * PostgreSQL cancels it; whole seconds, at least one.
     */
    @WithDefault("3s")
    Duration queryTimeout();
}
