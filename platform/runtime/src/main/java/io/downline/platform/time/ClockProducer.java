package io.downline.platform.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" for every service: inject {@link Clock} and call {@code clock.instant()}, never
 * {@code Instant.now()}. Production runs on UTC system time; tests replace it (platform/testing's
 * {@code TestClock}) to move time deterministically.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
