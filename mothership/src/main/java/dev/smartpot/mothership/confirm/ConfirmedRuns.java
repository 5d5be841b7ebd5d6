package dev.smartpot.mothership.confirm;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.store.Database;
import dev.smartpot.protocol.AckEncoder;
import dev.smartpot.protocol.AckFields;
import dev.smartpot.protocol.WireText;

/**
 * What the store holds of each pot, as the acknowledgement says it: the newest {@link AckFields#MAX_RUNS} runs of
 * consecutive seqs per pot (boot, first, last), newest first. A stored reading extends the run it touches, joins two
 * runs it bridges, or starts a run of its own; runs are only ever made of committed readings, so whatever an
 * acknowledgement covers is in the store. Loaded at start with one query.
 */
public final class ConfirmedRuns {

    /** One run: every reading of {@code boot} from {@code from} to {@code to} is stored. */
    record Run(long boot, long from, long to) {
    }

    /**
     * Each pot's runs in its newest boots (those within {@link AckFields#MAX_RUNS} of its newest), as islands of
     * consecutive seqs: seq minus its rank within the boot is the same along an island.
     */
    private static final String LOAD = "SELECT pot_id, boot, MIN(seq), MAX(seq) FROM (SELECT pot_id, boot, seq,"
            + " seq - ROW_NUMBER() OVER (PARTITION BY pot_id, boot ORDER BY seq) AS island FROM readings r"
            + " WHERE boot > (SELECT MAX(boot) FROM readings n WHERE n.pot_id = r.pot_id) - " + AckFields.MAX_RUNS
            + ") islands GROUP BY pot_id, boot, island";

    private final Map<String, List<Run>> byPot = new HashMap<>();

    /** The runs of every pot the store holds readings of, in one query. */
    public static ConfirmedRuns load(Database db) {
        ConfirmedRuns runs = new ConfirmedRuns();
        db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(LOAD); ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    runs.add(r.getString(1), new Run(r.getLong(2), r.getLong(3), r.getLong(4)));
                }
            }
            // Readings still in the inbox (none after the move at start, unless it failed) join their runs.
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, boot, seq FROM inbox ORDER BY pot_id, boot, seq");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    runs.stored(r.getString(1), r.getLong(2), r.getLong(3));
                }
            }
            return null;
        });
        return runs;
    }

    /** The reading (pot, boot, seq) is committed; true when the pot's acknowledgement changed. */
    public synchronized boolean stored(String potId, long boot, long seq) {
        List<Run> runs = byPot.computeIfAbsent(potId, id -> new ArrayList<>());
        int belowAt = -1;
        Run above = null;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run.boot() != boot) {
                continue;
            }
            if (run.from() <= seq && seq <= run.to()) {
                return false;
            }
            if (run.to() == seq - 1) {
                belowAt = i;
            } else if (run.from() == seq + 1) {
                above = run;
            }
        }
        Run below = belowAt < 0 ? null : runs.get(belowAt);
        if (below != null && above == null) {
            // The next reading of a run (nearly every one): the run keeps its place, as no run lies between its old
            // end and this seq.
            runs.set(belowAt, new Run(boot, below.from(), seq));
            return true;
        }
        runs.remove(below);
        runs.remove(above);
        add(potId, new Run(boot, below != null ? below.from() : seq, above != null ? above.to() : seq));
        return true;
    }

    /** Adds a run, newest first, keeping the newest {@link AckFields#MAX_RUNS}. */
    private synchronized void add(String potId, Run run) {
        List<Run> runs = byPot.computeIfAbsent(potId, id -> new ArrayList<>());
        int at = 0;
        while (at < runs.size() && newer(runs.get(at), run)) {
            at++;
        }
        runs.add(at, run);
        while (runs.size() > AckFields.MAX_RUNS) {
            runs.remove(runs.size() - 1);
        }
    }

    private static boolean newer(Run a, Run b) {
        return a.boot() != b.boot() ? a.boot() > b.boot() : a.to() > b.to();
    }

    /** The pot's acknowledgement ({@link AckFields}); an empty list when nothing of it is stored. */
    public synchronized String ackJson(String potId) {
        List<Run> runs = byPot.getOrDefault(potId, List.of());
        long[] boots = new long[runs.size()];
        long[] from = new long[runs.size()];
        long[] to = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            boots[i] = runs.get(i).boot();
            from[i] = runs.get(i).from();
            to[i] = runs.get(i).to();
        }
        WireText out = new WireText();
        AckEncoder.json(out, boots, from, to, runs.size());
        return out.toString();
    }

    /** A deleted pot: if it comes back, its runs start afresh. */
    public synchronized void forget(String potId) {
        byPot.remove(potId);
    }

    /** For tests: the pot's runs, newest first. */
    synchronized List<Run> runs(String potId) {
        return List.copyOf(byPot.getOrDefault(potId, List.of()));
    }
}
