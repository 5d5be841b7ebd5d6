package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * For {@code /health}: ok is false when the broker link or the store is down.
 *
 * @param storeError the store's last error in words (disk full, file not writable ...), null when fine
 */
public record Health(boolean ok, boolean brokerConnected, String broker, boolean storeOk, String storeError,
                     String store, long readingsStored, long duplicatesIgnored, long junkMessages,
                     long backlog, Instant startedAt) {
}
