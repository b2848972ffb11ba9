package io.downline.payout.rest.dto;

import java.math.BigDecimal;
import java.util.List;

import io.downline.payout.repository.PayoutRepository;

/** One page of payouts, with the count and the sum of every payout the filter matches. */
public record PayoutQueueView(List<PayoutView> items, int page, int size, long total, BigDecimal totalAmount) {

    public static PayoutQueueView of(PayoutRepository.Slice slice, int page, int size) {
        return new PayoutQueueView(slice.items().stream().map(PayoutView::of).toList(), page, size, slice.count(),
                slice.total());
    }
}
