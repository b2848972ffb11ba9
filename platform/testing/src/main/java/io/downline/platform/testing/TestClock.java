package io.downline.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The clock every service sees in tests: it replaces the platform's system clock (a default bean), runs with
 * real time until a test moves it, and can be frozen or shifted so that time-dependent behaviour (reminders,
 * expiry, hold windows) is tested without sleeping.
 *
 * <pre>
 * &#64;Inject TestClock clock;
 * clock.advance(Duration.ofMinutes(20));   // the reminder job now sees the meeting as due
 * clock.reset();                           // back to real time (do it in &#64;AfterEach)
 * </pre>
 */
@Singleton
public class TestClock extends Clock {

    private static final Clock SYSTEM = Clock.systemUTC();

    private volatile Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new IllegalArgumentException("The test clock runs in UTC only");
    }

    /** Moves time forward (or back, with a negative duration), frozen or running. */
    public void advance(Duration duration) {
        Instant frozen = frozenAt;
        if (frozen != null) {
            frozenAt = frozen.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Stops time at the given instant until {@link #reset()}. */
    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    /** Back to real, running time. */
    public void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }
}
