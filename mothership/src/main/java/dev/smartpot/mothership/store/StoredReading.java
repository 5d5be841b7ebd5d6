package dev.smartpot.mothership.store;

import dev.smartpot.mothership.api.ReadingView;

/**
 * A reading after its batch committed.
 *
 * @param inserted false when it was already stored (a redelivery): state and rollups ignore it
 * @param note     what was odd about it (see {@link dev.smartpot.mothership.ingest.Inbound.Reading#note()})
 */
public record StoredReading(ReadingView view, Long uptimeMs, long dropped, boolean inserted, String note) {
}
