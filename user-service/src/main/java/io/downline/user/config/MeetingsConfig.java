package io.downline.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "downline.meetings")
public interface MeetingsConfig {

    /** How long before a meeting starts its reminder goes out. */
    Duration reminderLead();
}
