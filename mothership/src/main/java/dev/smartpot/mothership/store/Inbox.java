package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the {@code inbox} table holds, in memory, for the writer thread: the table has no per-pot index (that is
 * its point), so a redelivery's first copy, a boot's stored seq and a pot's newest arrival are looked up here.
 * Loaded from the table at the first batch (so a restart after a SIGKILL sees what the table kept); a batch's
 * rows are added to a working copy that joins the rest only once its transaction committed.
 */
final class Inbox {

    /** A stored reading's identity. */
    record Key(String potId, long boot, long seq) {
    }

    /** What a redelivery is compared with, and when the reading arrived. */
    record Row(Integer raw, Double moisture, String fault, Long uptimeMs, long receivedAt) {
    }

    private final Map<Key, Row> committed = new HashMap<>();
    private final Map<Key, Row> working = new HashMap<>();
    /** Each pot's newest arrival in the table, and in this batch. */
    private final Map<String, Long> newest = new HashMap<>();
    private final Map<String, Long> workingNewest = new HashMap<>();
    private boolean loaded;
    /** When the oldest row still in the table was added (0 = empty). */
    private long oldestAddedAt;
    private long workingAddedAt;
    /** The ring's next slot to write over, as committed and in this batch (see V008__inbox_ring.sql). */
    private long nextSlot = 1;
    private long workingSlot = 1;

    /** Starts a batch: what an earlier, failed batch added is forgotten. */
    void begin(Connection c, long now) throws SQLException {
        working.clear();
        workingNewest.clear();
        workingAddedAt = now;
        if (loaded) {
            workingSlot = nextSlot;
            return;
        }
        committed.clear();
        newest.clear();
        // After the slots the inbox holds (none after the move at start, unless it failed): never over one of them.
        try (PreparedStatement q = c.prepareStatement("SELECT coalesce(max(slot), 0) FROM inbox_slots"
                + " WHERE gen = " + InboxMove.CURRENT_GEN); ResultSet r = q.executeQuery()) {
            nextSlot = r.next() ? r.getLong(1) + 1 : 1;
        }
        workingSlot = nextSlot;
        try (PreparedStatement q = c.prepareStatement("SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms,"
                + " received_at FROM inbox"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                committed.put(new Key(r.getString(1), r.getLong(2), r.getLong(3)), new Row(Rows.intOrNull(r, 4),
                        Rows.doubleOrNull(r, 5), r.getString(6), Rows.longOrNull(r, 7), r.getLong(8)));
                newest.merge(r.getString(1), r.getLong(8), Math::max);
            }
        }
        // Rows left by an earlier run: moved at the next chance.
        oldestAddedAt = committed.isEmpty() ? 0 : 1;
        loaded = true;
    }

    Row get(Key key) {
        Row r = working.get(key);
        return r != null ? r : committed.get(key);
    }

    /** Adds a reading of this batch; @return the ring's slot it is written to. */
    long add(Key key, Row row) {
        working.put(key, row);
        workingNewest.merge(key.potId(), row.receivedAt(), Math::max);
        return workingSlot++;
    }

    /** The newest boot of this pot holding this seq (and uptime, when known), or null. */
    Long bootOf(String potId, long seq, Long uptimeMs) {
        Long best = null;
        for (Map<Key, Row> m : java.util.List.of(committed, working)) {
            for (Map.Entry<Key, Row> e : m.entrySet()) {
                Key k = e.getKey();
                if (k.seq() == seq && k.potId().equals(potId) && (uptimeMs == null || uptimeMs.equals(e.getValue().uptimeMs()))
                        && (best == null || k.boot() > best)) {
                    best = k.boot();
                }
            }
        }
        return best;
    }

    /** Whether a reading of this pot that arrived after {@code since} is in the inbox (this batch's too). */
    boolean receivedAfter(String potId, long since) {
        return newest.getOrDefault(potId, Long.MIN_VALUE) > since || workingNewest.getOrDefault(potId, Long.MIN_VALUE) > since;
    }

    /** The batch committed: its rows are in the table. */
    void committed() {
        if (!working.isEmpty() && committed.isEmpty()) {
            oldestAddedAt = workingAddedAt;
        }
        committed.putAll(working);
        nextSlot = workingSlot;
        workingNewest.forEach((pot, at) -> newest.merge(pot, at, Math::max));
        working.clear();
        workingNewest.clear();
    }

    /** The inbox was emptied (a move committed): its slots are written over from the first again. */
    void moved() {
        nextSlot = 1;
        workingSlot = 1;
        committed.clear();
        working.clear();
        newest.clear();
        workingNewest.clear();
        oldestAddedAt = 0;
    }

    /** A deleted pot's rows went with it. */
    void forget(String potId) {
        committed.keySet().removeIf(k -> k.potId().equals(potId));
        working.keySet().removeIf(k -> k.potId().equals(potId));
        newest.remove(potId);
        workingNewest.remove(potId);
    }

    /** Nothing in the table nor in this batch: no reading to look up. */
    boolean isEmpty() {
        return committed.isEmpty() && working.isEmpty();
    }

    int size() {
        return committed.size();
    }

    /** When the oldest row was added (0 = the inbox is empty). */
    long oldestAddedAt() {
        return committed.isEmpty() ? 0 : oldestAddedAt;
    }
}
