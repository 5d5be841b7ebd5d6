package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.ingest.Inbound;

/**
 * The hot path: writes one batch of readings inside the caller's transaction. A reading whose (pot, boot, seq) is
 * already in the {@link Inbox} or in {@code readings} is a duplicate (or a conflict, when it says something else);
 * the new ones are written over the inbox's next ring slots as one JDBC batch (no per-pot index, no page allocated:
 * a page or two per commit, issue 20).
 * Their rollups are added when {@link InboxMove} moves them; readers add the inbox's part until then. SQLite only:
 * on PostgreSQL {@link ReadingWriter} writes readings directly (instances sharing a database need its primary key).
 */
final class InboxWriter {

    /**
     * Writes a reading over its ring slot in place, or adds the slot while the ring grows (V008__inbox_ring.sql): a
     * slot of the same page keeps its page, so a commit allocates none (no parent, first or free-list page).
     */
    private static final String INSERT = "INSERT INTO inbox_slots (pot_id, boot, seq, raw, moisture, fault, uptime_ms,"
            + " dropped, ts, received_at, battery_mv, slot, gen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " " + InboxMove.CURRENT_GEN + ") ON CONFLICT (slot) DO UPDATE SET gen = excluded.gen,"
            + " pot_id = excluded.pot_id, boot = excluded.boot, seq = excluded.seq, raw = excluded.raw,"
            + " moisture = excluded.moisture, fault = excluded.fault, uptime_ms = excluded.uptime_ms,"
            + " dropped = excluded.dropped, ts = excluded.ts, received_at = excluded.received_at,"
            + " battery_mv = excluded.battery_mv";

    List<StoredReading> write(Connection c, List<ReadingWriter.Pending> batch, BootTracker boots, Inbox inbox) throws SQLException {
        List<StoredReading> out = new ArrayList<>(batch.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT); PreparedStatement lookup = ReadingConflicts.lookup(c)) {
            for (ReadingWriter.Pending p : batch) {
                Inbound.Reading r = p.reading();
                long boot = boots.assign(r, (pot, seq, uptime) -> newest(inbox.bootOf(pot, seq, uptime),
                        ReadingWriter.storedBoot(c, pot, seq, uptime)));
                long ts = ReadingWriter.plausible(r.ts(), p.receivedAt()) ? r.ts() : p.receivedAt();
                ReadingView view = new ReadingView(r.potId(), boot, r.seq(), r.raw(), r.moisture(), r.fault(),
                        Instant.ofEpochMilli(ts), Instant.ofEpochMilli(p.receivedAt()), r.batteryMv());
                Inbox.Key key = new Inbox.Key(r.potId(), boot, r.seq());
                Inbox.Row first = inbox.get(key);
                if (first == null) {
                    first = ReadingConflicts.stored(lookup, key);
                }
                if (first != null) {
                    out.add(new StoredReading(view, r.uptimeMs(), r.dropped(), false, r.note(),
                            ReadingConflicts.against(key, first, r)));
                    continue;
                }
                long slot = inbox.add(key, new Inbox.Row(r.raw(), r.moisture(), r.fault(), r.uptimeMs(), p.receivedAt()));
                ReadingWriter.bind(insert, r, boot, ts, p.receivedAt());
                insert.setLong(12, slot);
                insert.addBatch();
                out.add(new StoredReading(view, r.uptimeMs(), r.dropped(), true, r.note(), null));
            }
            insert.executeBatch();
        }
        return out;
    }

    private static Long newest(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
