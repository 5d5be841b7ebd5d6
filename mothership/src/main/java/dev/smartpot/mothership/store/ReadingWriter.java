package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.ingest.Inbound;

/**
 * The hot path on PostgreSQL (on SQLite, {@link InboxWriter}): writes one batch of readings inside the caller's transaction, as one JDBC batch of
 * {@code INSERT ... ON CONFLICT DO NOTHING}, then adds the rows that were really new to the 5-minute and
 * hourly rollups, one upsert per pot and bucket (not per reading).
 */
final class ReadingWriter {

    static final long FIVE_MINUTES = 300_000;
    static final long HOUR = 3_600_000;
    /** A pot's own time before this is a clock that was never set: the arrival time is used instead. */
    private static final long PLAUSIBLE_SINCE = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    private static final long FUTURE_SLACK = 86_400_000;

    private static final String INSERT = "INSERT INTO readings (pot_id, boot, seq, raw, moisture, fault, uptime_ms,"
            + " dropped, ts, received_at, battery_mv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final String[] rollupUpserts;

    ReadingWriter(Dialect d) {
        rollupUpserts = new String[] {rollupSql("rollup_5m", d), rollupSql("rollup_1h", d)};
    }

    private static String rollupSql(String table, Dialect d) {
        return "INSERT INTO " + table + " AS t (pot_id, bucket, readings, dropped, n, total, min_m, max_m)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pot_id, bucket) DO UPDATE SET"
                + " readings = t.readings + excluded.readings, dropped = t.dropped + excluded.dropped,"
                + " n = t.n + excluded.n, total = t.total + excluded.total,"
                + " min_m = " + d.least + "(COALESCE(t.min_m, excluded.min_m), COALESCE(excluded.min_m, t.min_m)),"
                + " max_m = " + d.greatest + "(COALESCE(t.max_m, excluded.max_m), COALESCE(excluded.max_m, t.max_m))";
    }

    /** One reading waiting to be written, with the time it arrived. */
    record Pending(Inbound.Reading reading, long receivedAt) {
    }

    /**
     * @param inbox on SQLite, the readings the inbox holds (a big batch is written here directly: it already comes in
     *              many readings per pot, and the move would only add work); null on PostgreSQL
     */
    List<StoredReading> write(Connection c, List<Pending> batch, BootTracker boots, Inbox inbox) throws SQLException {
        List<Boolean> inserted = new ArrayList<>(batch.size());
        List<ReadingView> views = new ArrayList<>(batch.size());
        List<Inbox.Row> inInbox = new ArrayList<>(batch.size());
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            int queued = 0;
            for (Pending p : batch) {
                Inbound.Reading r = p.reading();
                int[] flushed = new int[] {queued};
                long boot = boots.assign(r, (pot, seq, uptime) -> {
                    // A lookup must see this batch's rows too: send what is queued first.
                    flushed[0] = flush(insert, flushed[0], inserted);
                    Long stored = storedBoot(c, pot, seq, uptime);
                    Long waiting = inbox == null ? null : inbox.bootOf(pot, seq, uptime);
                    return waiting == null ? stored : stored == null ? waiting : Long.valueOf(Math.max(stored, waiting));
                });
                queued = flushed[0];
                long ts = plausible(r.ts(), p.receivedAt()) ? r.ts() : p.receivedAt();
                ReadingView view = new ReadingView(r.potId(), boot, r.seq(), r.raw(), r.moisture(), r.fault(),
                        Instant.ofEpochMilli(ts), Instant.ofEpochMilli(p.receivedAt()), r.batteryMv());
                views.add(view);
                Inbox.Row first = inbox == null ? null : inbox.get(new Inbox.Key(r.potId(), boot, r.seq()));
                inInbox.add(first);
                if (first != null) {
                    continue;
                }
                bind(insert, r, boot, ts, p.receivedAt());
                insert.addBatch();
                queued++;
            }
            flush(insert, queued, inserted);
        }
        List<StoredReading> out = new ArrayList<>(batch.size());
        java.util.Iterator<Boolean> written = inserted.iterator();
        for (int i = 0; i < batch.size(); i++) {
            Inbound.Reading r = batch.get(i).reading();
            Inbox.Key key = new Inbox.Key(r.potId(), views.get(i).boot(), r.seq());
            boolean fresh = inInbox.get(i) == null && written.next();
            String conflict = fresh ? null : inInbox.get(i) != null ? ReadingConflicts.against(key, inInbox.get(i), r)
                    : ReadingConflicts.against(c, key, r);
            out.add(new StoredReading(views.get(i), r.uptimeMs(), r.dropped(), fresh, r.note(), conflict));
        }
        addToRollups(c, out);
        return out;
    }

    /** A reading's columns, in the order of readings' (and the inbox's) INSERT. */
    static void bind(PreparedStatement insert, Inbound.Reading r, long boot, long ts, long receivedAt) throws SQLException {
        insert.setString(1, r.potId());
        insert.setLong(2, boot);
        insert.setLong(3, r.seq());
        Rows.setNullable(insert, 4, r.raw(), Types.INTEGER);
        Rows.setNullable(insert, 5, r.moisture(), Types.DOUBLE);
        insert.setString(6, r.fault());
        Rows.setNullable(insert, 7, r.uptimeMs(), Types.BIGINT);
        insert.setLong(8, r.dropped());
        insert.setLong(9, ts);
        insert.setLong(10, receivedAt);
        Rows.setNullable(insert, 11, r.batteryMv(), Types.INTEGER);
    }

    private static int flush(PreparedStatement insert, int queued, List<Boolean> inserted) throws SQLException {
        if (queued == 0) {
            return 0;
        }
        for (int count : insert.executeBatch()) {
            // 0 = the primary key was already there (a redelivery). SUCCESS_NO_INFO (-2) counts as new.
            inserted.add(count != 0);
        }
        return 0;
    }

    static Long storedBoot(Connection c, String pot, long seq, Long uptime) throws SQLException {
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

    private void addToRollups(Connection c, List<StoredReading> stored) throws SQLException {
        long[] widths = {FIVE_MINUTES, HOUR};
        for (int t = 0; t < 2; t++) {
            Map<String, Bucket> buckets = new HashMap<>();
            for (StoredReading s : stored) {
                if (!s.inserted()) {
                    continue;
                }
                long start = Math.floorDiv(s.view().ts().toEpochMilli(), widths[t]) * widths[t];
                buckets.computeIfAbsent(s.view().potId() + '\n' + start, k -> new Bucket(s.view().potId(), start))
                        .add(s.view().moisture(), s.dropped());
            }
            if (buckets.isEmpty()) {
                continue;
            }
            try (PreparedStatement up = c.prepareStatement(rollupUpserts[t])) {
                for (Bucket b : buckets.values()) {
                    up.setString(1, b.pot);
                    up.setLong(2, b.start);
                    up.setLong(3, b.readings);
                    up.setLong(4, b.dropped);
                    up.setLong(5, b.n);
                    up.setDouble(6, b.total);
                    Rows.setNullable(up, 7, b.n == 0 ? null : b.min, Types.DOUBLE);
                    Rows.setNullable(up, 8, b.n == 0 ? null : b.max, Types.DOUBLE);
                    up.addBatch();
                }
                up.executeBatch();
            }
        }
    }

    /** One pot's readings in one bucket of this batch. */
    private static final class Bucket {
        final String pot;
        final long start;
        long readings;
        long dropped;
        long n;
        double total;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        Bucket(String pot, long start) {
            this.pot = pot;
            this.start = start;
        }

        void add(Double moisture, long droppedBefore) {
            readings++;
            dropped += droppedBefore;
            if (moisture != null) {
                n++;
                total += moisture;
                min = Math.min(min, moisture);
                max = Math.max(max, moisture);
            }
        }
    }

    static boolean plausible(Long ts, long receivedAt) {
        return ts != null && ts >= PLAUSIBLE_SINCE && ts <= receivedAt + FUTURE_SLACK;
    }
}
