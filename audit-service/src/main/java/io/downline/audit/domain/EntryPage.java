package io.downline.audit.domain;

import java.util.List;

/** Entries newest first, and the cursor of the next (older) page, null after the last. */
public record EntryPage(List<AuditEntry> items, String nextCursor) {
}
