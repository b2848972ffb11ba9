package io.downline.kyc.config;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kyc")
public interface KycConfig {

    /** How long an approval holds before the case expires. */
    Duration approvalValidity();

    Documents documents();

    Encryption encryption();

    Expiry expiry();

    interface Expiry {
        /** How often the job looks for approvals that reached their expiry (read by its {@code @Scheduled}). */
        String checkEvery();
    }

    interface Documents {
        /** The largest document accepted. */
        MemorySize maxSize();

        /** Content is sealed and stored in segments of this size (the most one upload holds in memory). */
        @WithDefault("1M")
        MemorySize segmentSize();

        /** The most pixels an image may have (width x height), checked on its header before its data is read. */
        long maxPixels();
    }

    interface Encryption {
        /** The master key that wraps the data keys of new documents (and that a re-wrap moves every document to). */
        String activeKeyId();

        /** Master keys by id, base64 of 32 bytes each; retired keys stay until a re-wrap has moved every document. */
        Map<String, String> keys();
    }
}
