package io.downline.audit.service;

import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.audit.domain.AuditEntry;
import io.downline.audit.domain.AuditFilter;
import io.downline.audit.domain.ChainHash;
import io.downline.audit.domain.EntryPage;
import io.downline.audit.repository.AuditLogRepository;
import io.downline.platform.domain.NotFoundException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reading the log: pages newest first with a cursor, single entries, and NDJSON exports. */
@ApplicationScoped
public class AuditQueries {

    private static final int EXPORT_TIMEOUT_SECONDS = 3_600;

    private final AuditLogRepository log;

    public AuditQueries(AuditLogRepository log) {
        this.log = log;
    }

    /** @param cursor the {@code nextCursor} of the previous page, null for the newest entries */
    @Transactional
    public EntryPage page(AuditFilter filter, String cursor, int limit) {
        List<AuditEntry> found = log.newestFirst(filter, cursor == null ? null : Long.parseLong(cursor), limit + 1);
        if (found.size() <= limit) {
            return new EntryPage(found, null);
        }
        List<AuditEntry> page = found.subList(0, limit);
        return new EntryPage(List.copyOf(page), Long.toString(page.get(limit - 1).seq()));
    }

    @Transactional
    public AuditEntry get(long seq) {
        return log.find(seq).orElseThrow(() -> NotFoundException.of("Audit entry", seq));
    }

    /**
     * Streams the matching entries, oldest first, one canonical JSON line each (README "Export"), until
     * {@code lines} returns false; returns how many lines it wrote.
     */
    public long export(AuditFilter filter, Predicate<String> lines) {
        return QuarkusTransaction.requiringNew().timeout(EXPORT_TIMEOUT_SECONDS)
                .call(() -> log.stream(filter, entry -> lines.test(ChainHash.exportLine(entry))));
    }
}
