package dev.smartpot.mothership.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * Every target this mothership sends to: those of its command line ({@code --notify}, {@code --notify-file}) and
 * those added on the dashboard (table {@code notify_targets}, shared by motherships on one database, re-read every
 * few seconds so one added on another instance is known here soon).
 */
final class TargetBook {

    /** A target and where it was configured. */
    record Entry(Target target, String source) {
        TargetView view() {
            return new TargetView(target.key(), target.masked(), source);
        }
    }

    static final int MAX_STORED = 20;
    private static final long REREAD_MS = 5_000;

    private final List<Entry> fixed;
    private final Database db;
    private final StoreWriter writer;
    private final Clock clock;
    private List<Entry> stored = List.of();
    private long readAt;
    private boolean stale = true;

    TargetBook(List<Entry> fixed, Database db, StoreWriter writer, Clock clock) {
        this.fixed = List.copyOf(fixed);
        this.db = db;
        this.writer = writer;
        this.clock = clock;
    }

    /** Every target by key (the first of two equal URLs wins). */
    synchronized Map<String, Entry> all() {
        if (due()) {
            fresh(db.read(TargetBook::query));
        }
        return merged();
    }

    /** The same, read on the caller's connection: the store writer's, in the middle of its transaction. */
    synchronized Map<String, Entry> all(Connection c) throws SQLException {
        if (due()) {
            fresh(query(c));
        }
        return merged();
    }

    private boolean due() {
        long now = clock.millis();
        return stale || now - readAt >= REREAD_MS || now < readAt;
    }

    private void fresh(List<Entry> read) {
        stored = read;
        readAt = clock.millis();
        stale = false;
    }

    private Map<String, Entry> merged() {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : fixed) {
            out.putIfAbsent(e.target().key(), e);
        }
        for (Entry e : stored) {
            out.putIfAbsent(e.target().key(), e);
        }
        return out;
    }

    /** Adds a target on the dashboard's behalf; the URL is checked first. */
    TargetView add(String url, String by) {
        Target t = Target.parse(url);
        if (all().containsKey(t.key())) {
            throw new IllegalArgumentException("this target is configured already (" + t.masked() + "). Fix: add a different"
                    + " URL, or remove that one first");
        }
        if (stored.size() >= MAX_STORED) {
            throw new IllegalArgumentException("at most " + MAX_STORED + " targets can be added on the dashboard. Fix: remove"
                    + " one first, or send to a group (an ntfy topic, a mailing list)");
        }
        writer.await(writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO notify_targets (url, target_key, added_by, added_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                p.setString(1, t.url());
                p.setString(2, t.key());
                p.setString(3, by);
                p.setLong(4, clock.millis());
                return p.executeUpdate();
            }
        }));
        forgetCache();
        return new Entry(t, "settings").view();
    }

    /** Removes a target added on the dashboard; those of the command line are refused in words. */
    void remove(String key) {
        Entry e = all().get(key);
        if (e == null) {
            throw new IllegalArgumentException("no target " + key + ". Fix: use a key from GET /api/notify/targets");
        }
        if (!e.source().equals("settings")) {
            throw new IllegalArgumentException("the target " + e.target().masked() + " comes from --" + (e.source().equals("file")
                    ? "notify-file" : "notify") + ". Fix: remove it there and restart the mothership");
        }
        writer.await(writer.submit(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM notify_targets WHERE target_key = ?")) {
                p.setString(1, key);
                return p.executeUpdate();
            }
        }));
        forgetCache();
    }

    private synchronized void forgetCache() {
        stale = true;
    }

    private static List<Entry> query(Connection c) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT url FROM notify_targets ORDER BY id");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                try {
                    out.add(new Entry(Target.parse(r.getString(1)), "settings"));
                } catch (IllegalArgumentException e) {
                    // Stored by a newer mothership that knows more schemes: not ours to send to.
                }
            }
        }
        return out;
    }
}
