package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.ingest.Inbound;

/**
 * The hot path: writes one batch of readings inside the caller's transaction. A reading whose (pot, boot, seq) is
 * already in the {@link Inbox} or in {@code readings} is a duplicate (or a conflict, when it says something else);
 * the new ones are appended to the inbox as one JDBC batch (no per-pot index: a page or two per commit, issue 20).
 * Their rollups are added when {@link InboxMove} moves them; readers add the inbox's part until then.
 */
final class ReadingWriter {

    static final long FIVE_MINUTES = 300_000;
    static final long HOUR = 3_600_000;
    /** A pot's own time before this is a clock that was never set: the arrival time is used instead. */
    private static final long PLAUSIBLE_SINCE = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final long FUTURE_SLACK = 86_400_000;

    private static final String INSERT = "INSERT INTO inbox (pot_id, boot, seq, raw, moisture, fault, uptime_ms,"
            + " dropped, ts, received_at, battery_mv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    ReadingWriter() {
    }

    /** One reading waiting to be written, with the time it arrived. */
    record Pending(Inbound.Reading reading, long receivedAt) {
    }

    List<StoredReading> write(Connection c, List<Pending> batch, BootTracker boots, Inbox inbox) throws SQLException {
        List<StoredReading> out = new ArrayList<>(batch.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT); PreparedStatement lookup = ReadingConflicts.lookup(c)) {
            for (Pending p : batch) {
                Inbound.Reading r = p.reading();
                long boot = boots.assign(r, (pot, seq, uptime) -> newest(inbox.bootOf(pot, seq, uptime),
                        storedBoot(c, pot, seq, uptime)));
                long ts = plausible(r.ts(), p.receivedAt()) ? r.ts() : p.receivedAt();
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
                inbox.add(key, new Inbox.Row(r.raw(), r.moisture(), r.fault(), r.uptimeMs(), p.receivedAt()));
                insert.setString(1, r.potId());
                insert.setLong(2, boot);
                insert.setLong(3, r.seq());
                Rows.setNullable(insert, 4, r.raw(), Types.INTEGER);
                Rows.setNullable(insert, 5, r.moisture(), Types.DOUBLE);
                insert.setString(6, r.fault());
                Rows.setNullable(insert, 7, r.uptimeMs(), Types.BIGINT);
                insert.setLong(8, r.dropped());
                insert.setLong(9, ts);
                insert.setLong(10, p.receivedAt());
                Rows.setNullable(insert, 11, r.batteryMv(), Types.INTEGER);
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

    private static Long storedBoot(Connection c, String pot, long seq, Long uptime) throws SQLException {
        String sql = "SELECT boot FROM readings WHERE pot_id = ? AND seq = ?"
                + (uptime == null ? "" : " AND uptime_ms = ?") + " ORDER BY boot DESC LIMIT 1";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, pot);
            q.setLong(2, seq);
            if (uptime != null) {
                q.setLong(3, uptime);
            }
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    static boolean plausible(Long ts, long receivedAt) {
        return ts != null && ts >= PLAUSIBLE_SINCE && ts <= receivedAt + FUTURE_SLACK;
    }
}
