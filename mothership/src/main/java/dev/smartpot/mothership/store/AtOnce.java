package dev.smartpot.mothership.store;

import java.util.Objects;
import java.util.function.Predicate;

import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.AboutFields;

/**
 * Which queued writes commit without the gather's wait: a task (a command, a setting: a person waits for it), a
 * pot's reply to a command (its sender, a person or the watering rules, waits for the outcome) and a reading of a pot
 * that is awake only briefly. After it publishes, a deep-sleep pot listens {@code sleep.listen} plus
 * a few ms for the acknowledgement that follows the commit, far less than the gather's window; an acknowledgement that
 * misses the wake leaves the readings in the pot's memory and makes every wake listen longer (battery).
 */
final class AtOnce implements Predicate<Object> {

    /** Asked per queued reading on the writer thread: must answer from memory. */
    private volatile Predicate<String> awakeBriefly = potId -> false;

    void awakeBriefly(Predicate<String> potIds) {
        awakeBriefly = Objects.requireNonNull(potIds, "awakeBriefly");
    }

    @Override
    public boolean test(Object queued) {
        if (queued instanceof StoreWriter.Received r) {
            if (r.inbound() instanceof Inbound.About about) {
                // A pot saying it deep-sleeps is on a short wake now (it says so at a session's set-up, before its
                // readings): its first wake's acknowledgement must not wait either.
                return AboutFields.DEEP_SLEEP.equals(about.power());
            }
            if (r.inbound() instanceof Inbound.Reply) {
                return true;
            }
            return r.inbound() instanceof Inbound.Reading reading && awakeBriefly.test(reading.potId());
        }
        return true;
    }
}
