package dev.smartpot.mothership.store;

import dev.smartpot.mothership.api.ReadingView;

/**
 * A reading after its batch committed.
 *
 * @param inserted false when it was already stored (a redelivery): state and rollups ignore it
 * @param note     what was odd about it (see {@link dev.smartpot.mothership.ingest.Inbound.Reading#note()})
 * @param conflict when not inserted because another reading is stored under its (pot, boot, seq) with different
 *                 values: how they differ, in words (the pot reused a reading's identity); null for a plain redelivery
 */
public record StoredReading(ReadingView view, Long uptimeMs, long dropped, boolean inserted, String note, String conflict) {

    public StoredReading(ReadingView view, Long uptimeMs, long dropped, boolean inserted, String note) {
        this(view, uptimeMs, dropped, inserted, note, null);
    }

    /** Already stored, the same reading again (a redelivery). */
    public boolean duplicate() {
        return !inserted && conflict == null;
    }
}
