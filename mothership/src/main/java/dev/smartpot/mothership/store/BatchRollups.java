package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.api.ReadingView;

/**
 * Adds a batch's new readings (written straight to {@code readings}) to the 5-minute and hourly rollups, one upsert per
 * pot and bucket, not per reading: sum and count, so a bucket is added to, never read first.
 */
final class BatchRollups {

    private static final Comparator<Bucket> BY_POT = Comparator.comparing(b -> b.pot);

    private final String[] upserts;

    BatchRollups(Dialect d) {
        upserts = new String[] {rollupSql("rollup_5m", d), rollupSql("rollup_1h", d)};
    }

    private static String rollupSql(String table, Dialect d) {
        return "INSERT INTO " + table + " AS t (pot_id, bucket, readings, dropped, n, total, min_m, max_m)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)" + addedToBucket(d);
    }

    /**
     * How new rows join a bucket already there (the rollup's table aliased {@code t}): sums and counts add up, min/max
     * stay null while n is 0. Shared with the inbox's move, which adds its rows from a SELECT.
     */
    static String addedToBucket(Dialect d) {
        return " ON CONFLICT (pot_id, bucket) DO UPDATE SET"
                + " readings = t.readings + excluded.readings, dropped = t.dropped + excluded.dropped,"
                + " n = t.n + excluded.n, total = t.total + excluded.total,"
                + " min_m = " + d.least + "(COALESCE(t.min_m, excluded.min_m), COALESCE(excluded.min_m, t.min_m)),"
                + " max_m = " + d.greatest + "(COALESCE(t.max_m, excluded.max_m), COALESCE(excluded.max_m, t.max_m))";
    }

    /** Adds the batch's new readings to both rollups, one upsert per pot and bucket. */
    void add(Connection c, List<StoredReading> stored) throws SQLException {
        long[] widths = {ReadingWriter.FIVE_MINUTES, ReadingWriter.HOUR};
        for (int t = 0; t < 2; t++) {
            // Each pot's buckets in this batch, chained: a pot's readings mostly share one, so a reading finds its bucket
            // by the pot's id alone (no key built per reading).
            Map<String, Bucket> byPot = new HashMap<>();
            for (StoredReading s : stored) {
                if (!s.inserted()) {
                    continue;
                }
                ReadingView v = s.view();
                long start = Math.floorDiv(v.ts().toEpochMilli(), widths[t]) * widths[t];
                Bucket first = byPot.get(v.potId());
                Bucket b = first;
                while (b != null && b.start != start) {
                    b = b.next;
                }
                if (b == null) {
                    b = new Bucket(v.potId(), start, first);
                    byPot.put(v.potId(), b);
                }
                b.add(v.moisture(), s.dropped());
            }
            if (byPot.isEmpty()) {
                continue;
            }
            // In the pots' order, as the readings were written: the rollup's index leaves are visited in order.
            Bucket[] chains = byPot.values().toArray(new Bucket[0]);
            Arrays.sort(chains, BY_POT);
            try (PreparedStatement up = c.prepareStatement(upserts[t])) {
                for (Bucket chain : chains) {
                    for (Bucket b = chain; b != null; b = b.next) {
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
                }
                up.executeBatch();
            }
        }
    }

    /** One pot's readings in one bucket of this batch. */
    private static final class Bucket {
        final String pot;
        final long start;
        /** The pot's other bucket in this batch, or null. */
        final Bucket next;
        long readings;
        long dropped;
        long n;
        double total;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        Bucket(String pot, long start, Bucket next) {
            this.pot = pot;
            this.start = start;
            this.next = next;
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
}
