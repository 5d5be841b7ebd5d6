package dev.smartpot.mothership.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import dev.smartpot.mothership.ingest.Inbound;

/**
 * Gives each reading its boot, so (pot, boot, seq) names it exactly once. The pot's own {@code boot}
 * wins when it sends one. Otherwise a new boot begins when {@code seq} goes back or {@code uptime_ms}
 * goes back, except for a reading already stored (a redelivery after a crash: same seq, same uptime) or
 * a late reading of the current boot (its seq and uptime lie inside what this boot already covered).
 *
 * <p>Changes are made to a working copy per batch: {@link #commit()} after the batch's transaction
 * commits, {@link #rollback()} when it failed, so a retried batch is judged the same way again.
 */
public final class BootTracker {

    /** Finds a stored reading with this seq (and uptime, when known): its boot, or null. */
    @FunctionalInterface
    public interface Lookup {
        Long bootOf(String potId, long seq, Long uptimeMs) throws SQLException;
    }

    /** Where a pot's current boot stands. */
    public static final class State {
        long boot;
        long lastSeq;
        Long lastUptime;
        long firstSeq;
        Long firstUptime;

        /** @param firstSeq the lowest seq (and its uptime) seen in this boot */
        public State(long boot, long lastSeq, Long lastUptime, long firstSeq, Long firstUptime) {
            this.boot = boot;
            this.lastSeq = lastSeq;
            this.lastUptime = lastUptime;
            this.firstSeq = firstSeq;
            this.firstUptime = firstUptime;
        }

        State copy() {
            return new State(boot, lastSeq, lastUptime, firstSeq, firstUptime);
        }
    }

    private final Map<String, State> committed = new HashMap<>();
    private final Map<String, State> working = new HashMap<>();

    /** A deleted pot: if it comes back, it starts afresh. */
    public void forget(String potId) {
        committed.remove(potId);
        working.remove(potId);
    }

    /** At start: where a pot stood when the store last saw it. */
    public void load(String potId, State state) {
        committed.put(potId, state);
    }

    public long assign(Inbound.Reading r, Lookup stored) throws SQLException {
        State s = working.get(r.potId());
        if (s == null) {
            State c = committed.get(r.potId());
            if (c != null) {
                s = c.copy();
                working.put(r.potId(), s);
            }
        }
        Long uptime = r.uptimeMs();
        if (r.boot() != null) {
            return podBoot(r, s);
        }
        if (s == null) {
            working.put(r.potId(), new State(0, r.seq(), uptime, r.seq(), uptime));
            return 0;
        }
        if (r.seq() > s.lastSeq) {
            if (uptime != null && s.lastUptime != null && uptime < s.lastUptime) {
                return newBoot(s, r.seq(), uptime);
            }
            s.lastSeq = r.seq();
            s.lastUptime = uptime != null ? uptime : s.lastUptime;
            return s.boot;
        }
        Long seen = stored.bootOf(r.potId(), r.seq(), uptime);
        if (seen != null) {
            return seen;
        }
        if (uptime != null && s.firstUptime != null && s.lastUptime != null && r.seq() > s.firstSeq
                && uptime > s.firstUptime && uptime < s.lastUptime) {
            return s.boot;
        }
        return newBoot(s, r.seq(), uptime);
    }

    private long podBoot(Inbound.Reading r, State s) {
        long boot = r.boot();
        if (s == null) {
            working.put(r.potId(), new State(boot, r.seq(), r.uptimeMs(), r.seq(), r.uptimeMs()));
        } else if (boot > s.boot) {
            s.boot = boot;
            s.lastSeq = r.seq();
            s.lastUptime = r.uptimeMs();
            s.firstSeq = r.seq();
            s.firstUptime = r.uptimeMs();
        } else if (boot == s.boot && r.seq() > s.lastSeq) {
            s.lastSeq = r.seq();
            s.lastUptime = r.uptimeMs();
        }
        return boot;
    }

    private static long newBoot(State s, long seq, Long uptime) {
        s.boot++;
        s.lastSeq = seq;
        s.lastUptime = uptime;
        s.firstSeq = seq;
        s.firstUptime = uptime;
        return s.boot;
    }

    public void commit() {
        committed.putAll(working);
        working.clear();
    }

    public void rollback() {
        working.clear();
    }
}
