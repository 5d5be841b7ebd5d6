package dev.smartpot.bench.mothership;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * Where the SD card's bytes go: the mothership's own store writer (its schema, pragmas and statements) commits
 * readings of {@code pots} pots {@code perCommit} at a time, after a history; then every WAL frame the measured
 * commits appended is counted by the b-tree its page belongs to (SQLite's {@code dbstat}).
 * {@code WalFrames [pots] [perCommit] [historyCommits] [measuredCommits]}; prints a Markdown table.
 */
public final class WalFrames {

    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    public static void main(String[] args) throws Exception {
        int pots = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perCommit = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int history = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path file = Files.createTempDirectory("bench-wal-frames").resolve("mothership.db");
        AtomicLong acks = new AtomicLong();
        long[] seq = new long[pots];
        long[] ts = {System.currentTimeMillis() - (long) (history + measured) * perCommit * 5_000 / pots};
        try (Database db = Database.sqlite(file)) {
            StoreWriter writer = new StoreWriter(db, new BootTracker(), Clock.systemUTC(), 10_000);
            writer.gather(Duration.ofMillis(50)); // one commit per group below: the group arrives within the window
            writer.start(StoreWriter.Listener.NONE);
            try {
                int next = 0;
                for (int c = 0; c < history + measured; c++) {
                    if (c == history) {
                        checkpoint(file);
                    }
                    long want = acks.get() + perCommit;
                    for (int i = 0; i < perCommit; i++, next++) {
                        int pot = next % pots;
                        ts[0] += 5_000 / Math.max(1, pots / perCommit);
                        Inbound.Reading r = new Inbound.Reading(String.format(Locale.ROOT, "pot-%012x", 0xa4cf12000000L + pot),
                                1L, ++seq[pot], 2100, 40.0 + pot % 10, null, seq[pot] * 5_000, ts[0], 0, null, 3900);
                        writer.offer(new StoreWriter.Received(r, ts[0], acks::incrementAndGet));
                    }
                    while (acks.get() < want) {
                        Thread.onSpinWait();
                    }
                }
                System.out.println(table(file, measured, pots, perCommit));
            } finally {
                writer.close();
            }
        }
        System.exit(0);
    }

    /** Empties the WAL so that what follows holds only the measured commits. */
    private static void checkpoint(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static String table(Path file, int commits, int pots, int perCommit) throws IOException, SQLException {
        byte[] wal = Files.readAllBytes(file.resolveSibling(file.getFileName() + "-wal"));
        ByteBuffer b = ByteBuffer.wrap(wal);
        int pageSize = b.getInt(8);
        Map<Long, String> owner = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name, pageno, pagetype FROM dbstat")) {
            while (r.next()) {
                owner.put(r.getLong(2), r.getString(1) + (r.getString(3).equals("internal") ? " (interior)" : ""));
            }
        }
        Map<String, Integer> frames = new TreeMap<>();
        int total = 0;
        for (int at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
            long page = b.getInt(at) & 0xffffffffL;
            frames.merge(page == 1 ? "page 1 (the file's header)" : owner.getOrDefault(page, "free or other"), 1, Integer::sum);
            total++;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d pots, %d readings a commit, %d commits,"
                + " %d-byte pages%n%n| b-tree | WAL frames per commit |%n|---|---:|%n", pots, perCommit, commits, pageSize));
        frames.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(e -> out.append(String.format(
                Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue() / (double) commits)));
        out.append(String.format(Locale.ROOT, "| **in all** | **%.1f** (%.0f bytes a reading) |", total / (double) commits,
                total * (double) (pageSize + FRAME_HEADER) / commits / perCommit));
        return out.toString();
    }
}
