package io.downline.audit.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** audit-service's settings ({@code downline.audit-log.*}; {@code downline.audit.*} is the platform's staff audit). */
@ConfigMapping(prefix = "downline.audit-log")
public interface AuditLogConfig {

    Checkpoints checkpoint();

    Signing signing();

    Verify verify();

    interface Checkpoints {
        /** How often a signed checkpoint of the head is taken (when the log has grown since the last one). */
        @WithDefault("1h")
        Duration every();
    }

    interface Signing {
        /**
         * Base64 (or PEM) of the Ed25519 private key's PKCS#8 encoding. Without it the service makes a key at start
         * and says so in a warning: its checkpoints still verify (each carries its public key) but no one can have
         * pinned that key beforehand.
         */
        Optional<String> privateKey();
    }

    interface Verify {
        /** Verification reads the chain in this many ranges side by side (each on its own connection). */
        @WithDefault("2")
        int parallelism();
    }
}
