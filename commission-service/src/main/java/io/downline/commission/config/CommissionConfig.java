package io.downline.commission.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** commission-service's settings ({@code downline.commission.*}). */
@ConfigMapping(prefix = "downline.commission")
public interface CommissionConfig {

    Release release();

    Preview preview();

    Close close();

    interface Close {
        /** Quarkus cron (UTC) of the scheduled close of the previous period; {@code off} to close by hand only. */
        String cron();
    }

    interface Release {
        /** How often due lines are looked for (the scheduler reads {@code downline.commission.release.every}). */
        @WithDefault("1m")
        String every();

        /** Lines released per transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Preview {
        /** The most members a preview lists (largest differences first). */
        @WithDefault("100")
        int memberLimit();
    }
}
