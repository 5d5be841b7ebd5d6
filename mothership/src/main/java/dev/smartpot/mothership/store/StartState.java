package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.api.ReadingView;

/**
 * What the engine needs of every pot at start, read in a few queries for all pots at once (one per table and
 * question, not several per pot: 10,000 pots start in about a second): each pot's newest readings, where its
 * newest boot stands, and its totals from the hourly rollups. Each query seeks every pot's rows through the
 * readings' primary key, so the time grows with the pots, not with the rows.
 */
public final class StartState {

    /** A pot's newest readings (newest first), where its boot stands (null without readings), its totals. */
    public record PotStart(List<ReadingView> newestFirst, BootTracker.State boot, long count, long dropped) {
    }

    private StartState() {
    }

    /** Every pot with a row in the pots table, with its newest {@code n} readings; pots without any get an empty start. */
    public static Map<String, PotStart> load(Database db, int n) {
        return db.read(c -> {
            Map<String, List<Object[]>> newest = newest(c, db.dialect(), n);
            Map<String, Object[]> firstOfBoot = firstOfNewestBoot(c, db.dialect());
            Map<String, long[]> totals = totals(c);
            Map<String, Map<Long, Object[]>> firstInInbox = addInbox(c, newest, totals);
            Map<String, PotStart> out = new HashMap<>();
            for (Map.Entry<String, List<Object[]>> e : newest.entrySet()) {
                List<Object[]> rows = e.getValue();
                rows.sort((a, b) -> ((ReadingView) a[0]).boot() != ((ReadingView) b[0]).boot()
                        ? Long.compare(((ReadingView) b[0]).boot(), ((ReadingView) a[0]).boot())
                        : Long.compare(((ReadingView) b[0]).seq(), ((ReadingView) a[0]).seq()));
                List<ReadingView> views = new ArrayList<>(rows.size());
                rows.subList(0, Math.min(n, rows.size())).forEach(r -> views.add((ReadingView) r[0]));
                ReadingView last = views.get(0);
                Object[] first = firstOfBoot.get(e.getKey());
                if (first != null && (long) first[2] != last.boot()) {
                    first = null;
                }
                Object[] inInbox = firstInInbox.getOrDefault(e.getKey(), Map.of()).get(last.boot());
                if (inInbox != null && (first == null || (long) inInbox[0] < (long) first[0])) {
                    first = inInbox;
                }
                BootTracker.State boot = first == null ? null : new BootTracker.State(last.boot(), last.seq(),
                        (Long) rows.get(0)[1], (Long) first[0], (Long) first[1]);
                long[] t = totals.getOrDefault(e.getKey(), new long[2]);
                out.put(e.getKey(), new PotStart(views, boot, t[0], t[1]));
            }
            totals.forEach((pot, t) -> out.putIfAbsent(pot, new PotStart(List.of(), null, t[0], t[1])));
            return out;
        });
    }

    /** Each pot's newest n readings as {view, uptime_ms}, in no particular order. */
    private static Map<String, List<Object[]>> newest(Connection c, Dialect d, int n) throws SQLException {
        String cols = "r.pot_id, r.boot, r.seq, r.raw, r.moisture, r.fault, r.ts, r.received_at, r.battery_mv, r.uptime_ms";
        String sql = d == Dialect.SQLITE
                ? "SELECT " + cols + " FROM pots p JOIN readings r ON r.rowid IN (SELECT x.rowid FROM readings x"
                        + " WHERE x.pot_id = p.id ORDER BY x.boot DESC, x.seq DESC LIMIT ?)"
                : "SELECT " + cols + " FROM pots p CROSS JOIN LATERAL (SELECT * FROM readings x WHERE x.pot_id = p.id"
                        + " ORDER BY x.boot DESC, x.seq DESC LIMIT ?) r";
        Map<String, List<Object[]>> out = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setInt(1, n);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ReadingView v = ReadingQueries.view(r);
                    out.computeIfAbsent(v.potId(), k -> new ArrayList<>(n)).add(new Object[] {v, Rows.longOrNull(r, 10)});
                }
            }
        }
        return out;
    }

    /**
     * Adds the readings still in the inbox to each pot's newest (there are none after the move at start, unless that
     * failed), and to its totals (not rolled up until moved); @return each pot's first reading of each boot in the inbox as {seq, uptime_ms, boot}.
     */
    private static Map<String, Map<Long, Object[]>> addInbox(Connection c, Map<String, List<Object[]>> newest,
                                                             Map<String, long[]> totals) throws SQLException {
        Map<String, Map<Long, Object[]>> first = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT pot_id, boot, seq, raw, moisture, fault, ts, received_at,"
                + " battery_mv, uptime_ms, dropped FROM inbox"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                ReadingView v = ReadingQueries.view(r);
                long[] t = totals.computeIfAbsent(v.potId(), k -> new long[2]);
                t[0]++;
                t[1] += r.getLong(11);
                Long uptime = Rows.longOrNull(r, 10);
                newest.computeIfAbsent(v.potId(), k -> new ArrayList<>()).add(new Object[] {v, uptime});
                first.computeIfAbsent(v.potId(), k -> new HashMap<>()).merge(v.boot(), new Object[] {v.seq(), uptime, v.boot()},
                        (a, b) -> (long) a[0] <= (long) b[0] ? a : b);
            }
        }
        return first;
    }

    /** Each pot's first reading of its newest boot as {seq, uptime_ms, boot}: boot detection after a restart needs it. */
    private static Map<String, Object[]> firstOfNewestBoot(Connection c, Dialect d) throws SQLException {
        String newestBoot = "(SELECT max(y.boot) FROM readings y WHERE y.pot_id = p.id)";
        String sql = d == Dialect.SQLITE
                ? "SELECT r.pot_id, r.seq, r.uptime_ms, r.boot FROM pots p JOIN readings r ON r.rowid = (SELECT x.rowid FROM readings x"
                        + " WHERE x.pot_id = p.id AND x.boot = " + newestBoot + " ORDER BY x.seq LIMIT 1)"
                : "SELECT p.id, r.seq, r.uptime_ms, r.boot FROM pots p CROSS JOIN LATERAL (SELECT x.seq, x.uptime_ms, x.boot FROM readings x"
                        + " WHERE x.pot_id = p.id AND x.boot = " + newestBoot + " ORDER BY x.seq LIMIT 1) r";
        Map<String, Object[]> out = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), new Object[] {r.getLong(2), Rows.longOrNull(r, 3), r.getLong(4)});
            }
        }
        return out;
    }

    /** Every reading each pot ever sent and what it dropped, from the hourly rollups (kept forever). */
    private static Map<String, long[]> totals(Connection c) throws SQLException {
        Map<String, long[]> out = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT pot_id, sum(readings), sum(dropped) FROM rollup_1h GROUP BY pot_id");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
            }
        }
        return out;
    }
}
