package io.downline.commission.service;

/** What the shop's {@code orders.events.v1} carries for us: a completed order or a refund of one. */
public sealed interface OrderEvent permits NewSale, NewRefund {
}
