package io.downline.audit.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.downline.audit.config.AuditLogConfig;
import io.downline.audit.domain.Checkpoint;
import io.downline.audit.domain.SigningKey;
import io.downline.audit.repository.AuditLogRepository;
import io.downline.audit.repository.CheckpointRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Signed checkpoints of the chain's head, taken every {@code downline.audit-log.checkpoint.every} when the log has
 * grown, kept in {@code audit_checkpoint} and written to the service's log (one INFO line each, JSON in
 * production), so that copies exist outside the database.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final AuditLogRepository log;
    private final CheckpointRepository checkpoints;
    private final Clock clock;
    private final SigningKey key;

    public Checkpoints(AuditLogRepository log, CheckpointRepository checkpoints, Clock clock, AuditLogConfig config) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.key = config.signing().privateKey().filter(k -> !k.isBlank()).map(SigningKey::fromPkcs8)
                .orElseGet(Checkpoints::ephemeralKey);
        LOG.infof("Audit checkpoints are signed with Ed25519 key %s, public key %s", key.keyId(), key.publicKeyBase64());
    }

    private static SigningKey ephemeralKey() {
        LOG.warn("downline.audit-log.signing.private-key (AUDIT_SIGNING_KEY) is not set: checkpoints are signed with "
                + "a key made for this run; set a key of your own so that its public half can be held elsewhere");
        return SigningKey.generate();
    }

    @Scheduled(every = "${downline.audit-log.checkpoint.every}", delayed = "${downline.audit-log.checkpoint.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        take();
    }

    /** A checkpoint of the current head, unless the log is empty or has not grown since the last one. */
    public Optional<Checkpoint> take() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<AuditLogRepository.Head> head = log.head();
            Optional<Checkpoint> latest = checkpoints.latest();
            if (head.isEmpty() || latest.isPresent() && latest.get().entries() >= head.get().seq()) {
                return Optional.<Checkpoint>empty();
            }
            Checkpoint checkpoint = key.sign(head.get().seq(), head.get().hash(), clock.instant());
            if (!checkpoints.insert(checkpoint)) {
                return Optional.<Checkpoint>empty();
            }
            LOG.infof("Audit checkpoint: %s signature=%s publicKey=%s", checkpoint.signedMessage(),
                    checkpoint.signature(), checkpoint.publicKey());
            return Optional.of(checkpoint);
        });
    }

    public List<Checkpoint> list(Long beforeEntries, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> checkpoints.newestFirst(beforeEntries, limit));
    }

    public SigningKey key() {
        return key;
    }
}
