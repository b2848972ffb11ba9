package io.downline.audit.rest;

import java.util.List;

import io.downline.audit.domain.EntryPage;

/** Entries newest first; pass {@code nextCursor} back as {@code cursor} for the next (older) page, null at the end. */
public record EntryPageView(List<EntryView> items, String nextCursor) {

    public static EntryPageView of(EntryPage page) {
        return new EntryPageView(page.items().stream().map(EntryView::of).toList(), page.nextCursor());
    }
}
