package io.downline.commission.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.downline.commission.repository.SaleRepository;
import io.downline.commission.repository.SaleRepository.VolumeKey;

/**
 * The personal volume changes of one transaction (its sales and refunds), held until its end and written there by
 * one statement in key order. Every writer of {@code member_volume} therefore locks those rows after the sale and
 * line rows it locks, and in the same order: concurrent transactions (polls of different partitions, the sales and
 * refunds endpoints) can wait for each other on a shared row but never deadlock. The walks of the transaction's
 * later sales read the stored volumes plus these.
 */
final class VolumeChanges {

    private final Map<VolumeKey, BigDecimal> deltas = new HashMap<>();

    void add(VolumeKey key, BigDecimal delta) {
        deltas.merge(key, delta, BigDecimal::add);
    }

    /** What this transaction has added so far, to read on top of the stored volumes. */
    Map<VolumeKey, BigDecimal> snapshot() {
        return new HashMap<>(deltas);
    }

    void write(SaleRepository sales) {
        if (!deltas.isEmpty()) {
            sales.addVolumes(deltas);
        }
        deltas.clear();
    }
}
