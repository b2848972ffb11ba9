package io.downline.kyc.rest.dto;

import java.util.List;

import io.downline.kyc.service.ReviewService.QueuePage;

/**
 * One page of the officers' queue. {@code total} is exact up to 10,000; beyond, it is 10,000 and
 * {@code totalCapped} is true (pages further on are still served).
 */
public record QueuePageView(List<QueueItemView> items, int page, int size, long total, boolean totalCapped) {

    public static QueuePageView of(QueuePage page) {
        return new QueuePageView(page.items().stream().map(QueueItemView::of).toList(), page.page(), page.size(),
                page.total(), page.totalCapped());
    }
}
