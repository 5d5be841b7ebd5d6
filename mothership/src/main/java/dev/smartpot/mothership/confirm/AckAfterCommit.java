package dev.smartpot.mothership.confirm;

import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.store.StoredReading;

/**
 * Hooked after each commit, beside the in-memory state: every reading now in the store (new, or the same reading
 * again) moves its pot's runs, and each pot whose runs moved gets its acknowledgement. A conflict is not stored under
 * its key and confirms nothing. The listener it wraps runs first and alone decides about the store's health.
 */
public final class AckAfterCommit implements StoreWriter.Listener {

    private final StoreWriter.Listener next;
    private final ConfirmedRuns runs;
    private final AckSender sender;

    public AckAfterCommit(StoreWriter.Listener next, ConfirmedRuns runs, AckSender sender) {
        this.next = next;
        this.runs = runs;
        this.sender = sender;
    }

    @Override
    public void committed(StoreWriter.Committed batch) {
        next.committed(batch);
        for (StoredReading r : batch.readings()) {
            if (r.conflict() == null && runs.stored(r.view().potId(), r.view().boot(), r.view().seq())) {
                sender.changed(r.view().potId());
            }
        }
    }

    @Override
    public void storeHealth(String error) {
        next.storeHealth(error);
    }
}
