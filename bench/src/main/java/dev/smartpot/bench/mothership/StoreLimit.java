package dev.smartpot.bench.mothership;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import dev.smartpot.mothership.store.Database;

/** The store's limit: the mothership's rows into its schema by batched JDBC, no MQTT, no engine. */
final class StoreLimit {

    private StoreLimit() {
    }

    /** The same rows, the same schema, batched JDBC in transactions of {@code batch}, WAL as the mothership runs it. */
    static double rate(Path file, int pots, int perPot, int batch) throws SQLException {
        Database.sqlite(file).close();
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO readings (pot_id, boot, seq, raw, moisture, fault,"
                    + " uptime_ms, dropped, ts, received_at) VALUES (?, 0, ?, ?, ?, NULL, ?, 0, ?, ?) ON CONFLICT DO NOTHING")) {
                int n = 0;
                for (int seq = 0; seq < perPot; seq++) {
                    for (int pot = 0; pot < pots; pot++) {
                        double moisture = 40 + (seq + pot) % 30;
                        p.setString(1, ReadingPublishers.potId(pot));
                        p.setLong(2, seq);
                        p.setInt(3, 3000 - (int) (moisture * 15));
                        p.setDouble(4, moisture);
                        p.setLong(5, 5000L * seq);
                        p.setLong(6, now);
                        p.setLong(7, now);
                        p.addBatch();
                        if (++n % batch == 0) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
                c.commit();
            }
            return pots * perPot / ((System.nanoTime() - start) / 1e9);
        }
    }

}
