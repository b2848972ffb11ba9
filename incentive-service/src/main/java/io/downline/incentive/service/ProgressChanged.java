package io.downline.incentive.service;

/**
 * A progress row a batch read was changed by another transaction (an event of another input for the same member)
 * before the batch wrote it. The batch rolls back, and the platform applies its events again one at a time.
 */
public class ProgressChanged extends RuntimeException {

    public ProgressChanged() {
        super("A progress row changed while the batch settled it; the batch is applied one event at a time");
    }
}
