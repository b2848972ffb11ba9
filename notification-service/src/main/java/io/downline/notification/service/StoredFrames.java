package io.downline.notification.service;

import java.util.List;

/**
 * The frames of the notifications one transaction stored, in the order they were numbered: a CDI event fired in
 * the storing transaction, for observers of its success ({@code TransactionPhase.AFTER_SUCCESS}), which then know
 * the notifications are committed.
 */
public record StoredFrames(List<Push> pushes) {
}
