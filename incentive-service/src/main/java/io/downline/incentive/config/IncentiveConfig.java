package io.downline.incentive.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "downline.incentives")
public interface IncentiveConfig {

    /** The currency of cash rewards: the installation's one currency. */
    String currency();

    Announce announce();

    Leaderboard leaderboard();

    interface Announce {

        /** incentive.progress-updated goes out at most once per member and program per this interval. */
        Duration minInterval();

        /** How often the announcer looks for due announcements. */
        Duration every();

        /** Announcements per announcer transaction. */
        int batchSize();

        /** Transactions per run at most: announcements per second are bounded by batch-size × this / every. */
        int batchesPerRun();
    }

    interface Leaderboard {

        /** The largest top N a caller may ask for. */
        int maxSize();

        /**
         * About how many members each program lists in {@code leaderboard_top} (from max-size to 4 × this, plus
         * ties at the floor); at least max-size.
         */
        int candidates();

        /**
         * How often each published program's floor is checked against those bounds: a duration ({@code 5s}), or
         * {@code off} (read by the scheduler, which accepts both).
         */
        String floorEvery();
    }
}
