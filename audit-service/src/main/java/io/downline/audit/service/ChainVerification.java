package io.downline.audit.service;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.downline.audit.config.AuditLogConfig;
import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.AuditFilter;
import io.downline.audit.domain.BrokenLink;
import io.downline.audit.domain.ChainHash;
import io.downline.audit.domain.ChainVerifier;
import io.downline.audit.domain.Checkpoint;
import io.downline.audit.domain.Hex;
import io.downline.audit.domain.SigningKey;
import io.downline.audit.domain.Verification;
import io.downline.audit.repository.AuditLogRepository;
import io.downline.audit.repository.CheckpointRepository;
import io.downline.platform.domain.BusinessRuleException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Verifies the chain over a range of sequence numbers: every entry's hash recomputed, every link followed, no gap,
 * and every signed checkpoint in the range matched against the entry it names. A long range is cut into
 * {@code downline.audit-log.verify.parallelism} parts read side by side, each anchored on its first entry's
 * previous hash and stitched to the part before it at the end.
 */
@ApplicationScoped
public class ChainVerification {

    /** Below this many entries one reader is quicker than starting several. */
    static final long PARALLEL_FROM = 100_000;
    private static final int TIMEOUT_SECONDS = 3_600;

    private final AuditLogRepository log;
    private final CheckpointRepository checkpoints;
    private final int parallelism;
    private final ExecutorService readers;

    public ChainVerification(AuditLogRepository log, CheckpointRepository checkpoints, AuditLogConfig config) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.parallelism = Math.max(1, config.verify().parallelism());
        this.readers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /** @param from first entry (1 when null), @param to last entry (the head when null or beyond it) */
    public Verification verify(Long from, Long to) {
        Optional<AuditLogRepository.Head> head = log.head();
        if (head.isEmpty()) {
            return new Verification(0, 0, 0, null, 0, null);
        }
        long first = from == null ? 1 : from;
        long last = to == null ? head.get().seq() : Math.min(to, head.get().seq());
        if (first > last) {
            throw new BusinessRuleException("from", "the range starts after its end or after the chain's head ("
                    + head.get().seq() + ")");
        }
        byte[] anchor = first == 1 ? ChainHash.GENESIS : log.find(first - 1).map(AuditEntry::hash).orElse(null);
        if (anchor == null) {
            return new Verification(first, last, 0, null, 0, new BrokenLink(first - 1, BrokenLink.Reason.MISSING,
                    "entry " + (first - 1) + ", the anchor of the range, is missing"));
        }
        List<Part> parts = read(first, last, anchor);
        long checked = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (i > 0 && parts.get(i - 1).verifier().lastHash() != null && part.verifier().firstPrevHash() != null
                    && !MessageDigest.isEqual(parts.get(i - 1).verifier().lastHash(), part.verifier().firstPrevHash())) {
                return new Verification(first, last, checked, null, 0, new BrokenLink(part.from(),
                        BrokenLink.Reason.LINK_MISMATCH, "previous hash " + Hex.of(part.verifier().firstPrevHash())
                                + ", the previous entry's hash is " + Hex.of(parts.get(i - 1).verifier().lastHash())));
            }
            checked += part.verifier().checked();
            if (part.verifier().broken() != null) {
                return new Verification(first, last, checked, null, 0, part.verifier().broken());
            }
        }
        byte[] headHash = parts.get(parts.size() - 1).verifier().lastHash();
        List<Checkpoint> inRange = checkpoints.within(first, last);
        for (Checkpoint checkpoint : inRange) {
            Optional<BrokenLink> mismatch = check(checkpoint);
            if (mismatch.isPresent()) {
                return new Verification(first, last, checked, null, inRange.size(), mismatch.get());
            }
        }
        return new Verification(first, last, checked, Hex.of(headHash), inRange.size(), null);
    }

    private Optional<BrokenLink> check(Checkpoint checkpoint) {
        if (!SigningKey.verify(checkpoint)) {
            return Optional.of(new BrokenLink(checkpoint.entries(), BrokenLink.Reason.CHECKPOINT_MISMATCH,
                    "the checkpoint's signature does not verify with its key " + checkpoint.keyId()));
        }
        byte[] stored = log.find(checkpoint.entries()).map(AuditEntry::hash).orElse(ChainHash.GENESIS);
        if (!MessageDigest.isEqual(stored, checkpoint.headHash())) {
            return Optional.of(new BrokenLink(checkpoint.entries(), BrokenLink.Reason.CHECKPOINT_MISMATCH,
                    "the checkpoint signed at " + checkpoint.signedAt() + " names head hash "
                            + Hex.of(checkpoint.headHash()) + ", the entry's hash is " + Hex.of(stored)));
        }
        return Optional.empty();
    }

    private List<Part> read(long first, long last, byte[] anchor) {
        long size = last - first + 1;
        int count = size < PARALLEL_FROM ? 1 : parallelism;
        long step = (size + count - 1) / count;
        List<Future<Part>> futures = new ArrayList<>();
        for (long start = first; start <= last; start += step) {
            long from = start;
            long to = Math.min(last, start + step - 1);
            byte[] partAnchor = from == first ? anchor : null;
            futures.add(readers.submit(() -> readPart(from, to, partAnchor)));
        }
        List<Part> parts = new ArrayList<>();
        for (Future<Part> future : futures) {
            parts.add(join(future));
        }
        return parts;
    }

    private Part readPart(long from, long to, byte[] anchor) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            ChainVerifier verifier = new ChainVerifier(from, anchor);
            log.stream(new AuditFilter(null, null, null, null, null, null, from, to), verifier::accept);
            verifier.end(to);
            return new Part(from, verifier);
        });
    }

    private static Part join(Future<Part> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("verification failed", e.getCause());
        }
    }

    private record Part(long from, ChainVerifier verifier) {
    }
}
