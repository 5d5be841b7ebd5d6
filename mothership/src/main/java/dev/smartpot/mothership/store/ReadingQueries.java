package dev.smartpot.mothership.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.api.Series;

/** Reads readings back: raw ranges for the API and CSV, and chart series from raw rows or rollups. */
public final class ReadingQueries {

    private static final String COLUMNS = "pot_id, boot, seq, raw, moisture, fault, ts, received_at, battery_mv";

    private final Database db;

    public ReadingQueries(Database db) {
        this.db = db;
    }

    /** Raw readings in [from, to), oldest first; the newest {@code limit} when there are more. */
    public List<ReadingView> readings(String potId, Instant from, Instant to, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(both(COLUMNS, "WHERE pot_id = ? AND ts >= ? AND ts < ?",
                    "ts DESC, boot DESC, seq DESC"))) {
                for (int i = 0; i < 2; i++) {
                    q.setString(4 * i + 1, potId);
                    q.setLong(4 * i + 2, from.toEpochMilli());
                    q.setLong(4 * i + 3, to.toEpochMilli());
                    q.setInt(4 * i + 4, limit);
                }
                q.setInt(9, limit);
                List<ReadingView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(view(r));
                    }
                }
                Collections.reverse(out);
                return out;
            }
        });
    }

    /** The newest {@code n} readings of a pot, newest first (to rebuild its state at start). */
    public List<ReadingView> latest(String potId, int n) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(both(COLUMNS, "WHERE pot_id = ?", "boot DESC, seq DESC"))) {
                bind(q, potId, n);
                List<ReadingView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(view(r));
                    }
                }
                return out;
            }
        });
    }

    /** Where a pot's newest boot stands (for boot detection after a restart), or null if it has no reading. */
    public BootTracker.State bootState(String potId) {
        return db.read(c -> {
            long boot;
            long lastSeq;
            Long lastUptime;
            try (PreparedStatement q = c.prepareStatement(both("boot, seq, uptime_ms", "WHERE pot_id = ?",
                    "boot DESC, seq DESC"))) {
                bind(q, potId, 1);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    boot = r.getLong(1);
                    lastSeq = r.getLong(2);
                    lastUptime = Rows.longOrNull(r, 3);
                }
            }
            try (PreparedStatement q = c.prepareStatement(both("seq, uptime_ms", "WHERE pot_id = ? AND boot = ?", "seq"))) {
                for (int i = 0; i < 2; i++) {
                    q.setString(3 * i + 1, potId);
                    q.setLong(3 * i + 2, boot);
                    q.setInt(3 * i + 3, 1);
                }
                q.setInt(7, 1);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return new BootTracker.State(boot, lastSeq, lastUptime, r.getLong(1), Rows.longOrNull(r, 2));
                }
            }
        });
    }

    /**
     * The same query over {@code readings} and the {@code inbox} (readings not moved yet), merged: each side's
     * parameters then its limit, twice, then the limit of the whole.
     */
    private static String both(String columns, String where, String order) {
        String side = "SELECT " + columns + " FROM %s " + where + " ORDER BY " + order + " LIMIT ?";
        return "SELECT * FROM (" + side.formatted("readings") + ") moved UNION ALL SELECT * FROM ("
                + side.formatted("inbox") + ") waiting ORDER BY " + order + " LIMIT ?";
    }

    private static void bind(PreparedStatement q, String potId, int limit) throws SQLException {
        q.setString(1, potId);
        q.setInt(2, limit);
        q.setString(3, potId);
        q.setInt(4, limit);
        q.setInt(5, limit);
    }

    /** Every reading a pot ever sent, counted from the hourly rollups (kept forever) and the inbox. */
    public long[] countAndDropped(String potId) {
        return db.read(c -> {
            // The inbox's readings are not in the rollups until they move.
            try (PreparedStatement q = c.prepareStatement("SELECT (SELECT COALESCE(sum(readings), 0) FROM rollup_1h WHERE pot_id = ?)"
                    + " + (SELECT count(*) FROM inbox WHERE pot_id = ?), (SELECT COALESCE(sum(dropped), 0) FROM rollup_1h"
                    + " WHERE pot_id = ?) + (SELECT COALESCE(sum(dropped), 0) FROM inbox WHERE pot_id = ?)")) {
                for (int i = 1; i <= 4; i++) {
                    q.setString(i, potId);
                }
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return new long[] {r.getLong(1), r.getLong(2)};
                }
            }
        });
    }

    /**
     * Moisture over [from, to) at the coarsest resolution that still gives at least maxPoints/2 points:
     * hourly, else 5-minute, else raw.
     */
    public Series series(String potId, Instant from, Instant to, int maxPoints) {
        long span = Math.max(0, to.toEpochMilli() - from.toEpochMilli());
        long wanted = Math.max(1, maxPoints / 2);
        if (span / ReadingWriter.HOUR >= wanted) {
            return rollup(potId, "rollup_1h", "1h", from, to);
        }
        if (span / ReadingWriter.FIVE_MINUTES >= wanted) {
            return rollup(potId, "rollup_5m", "5m", from, to);
        }
        return raw(potId, from, to, Math.max(maxPoints, 1) * 10);
    }

    /** The rollup's buckets with the inbox's readings (not rolled up until they move) added to them. */
    private Series rollup(String potId, String table, String resolution, Instant from, Instant to) {
        long width = resolution.equals("1h") ? ReadingWriter.HOUR : ReadingWriter.FIVE_MINUTES;
        String bucket = InboxMove.bucket(width);
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT bucket, sum(n), sum(total), min(min_m), max(max_m) FROM ("
                    + "SELECT bucket, n, total, min_m, max_m FROM " + table + " WHERE pot_id = ? AND bucket >= ? AND bucket < ?"
                    + " UNION ALL SELECT " + bucket + " AS bucket, CASE WHEN moisture IS NULL THEN 0 ELSE 1 END AS n,"
                    + " coalesce(moisture, 0) AS total, moisture AS min_m, moisture AS max_m FROM inbox WHERE pot_id = ?"
                    + " AND " + bucket + " >= ? AND " + bucket + " < ?) b GROUP BY bucket ORDER BY bucket")) {
                for (int i = 0; i < 2; i++) {
                    q.setString(3 * i + 1, potId);
                    q.setLong(3 * i + 2, from.toEpochMilli());
                    q.setLong(3 * i + 3, to.toEpochMilli());
                }
                Columns cols = new Columns();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long n = r.getLong(2);
                        double avg = n == 0 ? Double.NaN : r.getDouble(3) / n;
                        cols.add(r.getLong(1) / 1000, avg, n == 0 ? Double.NaN : r.getDouble(4), n == 0 ? Double.NaN : r.getDouble(5));
                    }
                }
                return cols.series(potId, resolution);
            }
        });
    }

    private Series raw(String potId, Instant from, Instant to, int limit) {
        Columns cols = new Columns();
        for (ReadingView v : readings(potId, from, to, limit)) {
            double m = v.moisture() == null ? Double.NaN : v.moisture();
            cols.add(v.ts().getEpochSecond(), m, m, m);
        }
        return cols.series(potId, "raw");
    }

    /** Growable primitive columns: a year of hourly points without boxing. */
    private static final class Columns {
        long[] time = new long[256];
        double[] avg = new double[256];
        double[] min = new double[256];
        double[] max = new double[256];
        int size;

        void add(long t, double a, double lo, double hi) {
            if (size == time.length) {
                int n = size * 2;
                time = java.util.Arrays.copyOf(time, n);
                avg = java.util.Arrays.copyOf(avg, n);
                min = java.util.Arrays.copyOf(min, n);
                max = java.util.Arrays.copyOf(max, n);
            }
            time[size] = t;
            avg[size] = a;
            min[size] = lo;
            max[size] = hi;
            size++;
        }

        Series series(String potId, String resolution) {
            return new Series(potId, resolution, java.util.Arrays.copyOf(time, size), java.util.Arrays.copyOf(avg, size),
                    java.util.Arrays.copyOf(min, size), java.util.Arrays.copyOf(max, size));
        }
    }

    static ReadingView view(ResultSet r) throws SQLException {
        return new ReadingView(r.getString(1), r.getLong(2), r.getLong(3), Rows.intOrNull(r, 4),
                Rows.doubleOrNull(r, 5), r.getString(6), Instant.ofEpochMilli(r.getLong(7)),
                Instant.ofEpochMilli(r.getLong(8)), Rows.intOrNull(r, 9));
    }
}
