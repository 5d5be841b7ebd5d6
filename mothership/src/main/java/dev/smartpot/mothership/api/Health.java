package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * For {@code /health}: ok is false when the broker link or the store is down, or while a pot's readings are refused.
 *
 * @param storeError the store's last error in words (disk full, file not writable ...), null when fine
 * @param conflicts  readings not stored because another reading already holds their (pot, boot, seq), since start
 * @param refusing   the pots whose newest reading was such a conflict: their new readings are not being stored
 */
public record Health(boolean ok, boolean brokerConnected, String broker, boolean storeOk, String storeError,
                     String store, long readingsStored, long duplicatesIgnored, long junkMessages,
                     long backlog, Instant startedAt, long conflicts, java.util.List<String> refusing) {

    public Health(boolean ok, boolean brokerConnected, String broker, boolean storeOk, String storeError,
                  String store, long readingsStored, long duplicatesIgnored, long junkMessages,
                  long backlog, Instant startedAt) {
        this(ok, brokerConnected, broker, storeOk, storeError, store, readingsStored, duplicatesIgnored, junkMessages,
                backlog, startedAt, 0, java.util.List.of());
    }
}
