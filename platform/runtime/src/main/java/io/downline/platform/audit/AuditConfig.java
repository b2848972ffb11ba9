package io.downline.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "downline.audit")
public interface AuditConfig {

    /**
     * Whether a staff change that was not audited becomes a 500 problem (the change itself is already committed).
     * On in tests, so that every test exercising a staff change fails when its audit is missing; in production
     * the guard only logs an ERROR and counts {@code downline_staff_actions_unaudited_total}.
     */
    @WithDefault("false")
    boolean enforce();
}
