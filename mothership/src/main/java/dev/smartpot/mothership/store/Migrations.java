package dev.smartpot.mothership.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the schema this build expects: numbered SQL files
 * ({@code db/V001__schema.sql}, {@code V002__...}) applied in order, each in its own transaction, and
 * recorded in {@code schema_versions}. A database newer than the app is refused with words.
 */
public final class Migrations {

    /** Every migration this build ships, in order. Add a file here and to resources/.../db/. */
    static final List<String> FILES = List.of("V001__schema.sql", "V002__one_open_alert.sql",
            "V003__battery_mv.sql", "V004__wakes.sql", "V005__notify.sql", "V006__connects.sql",
            "V007__inbox.sql", "V008__inbox_ring.sql");

    private Migrations() {
    }

    /** PostgreSQL advisory lock key: instances starting together on one database migrate one at a time. */
    private static final long MIGRATION_LOCK = 0x736d617274706f74L;

    public static int apply(Connection c, Dialect dialect) throws SQLException {
        return apply(c, dialect, FILES.size());
    }

    /** The schema version this build brings a database to. */
    public static int latest() {
        return FILES.size();
    }

    /** Applies the migrations up to {@code upTo} only (a backup file is made at its source's version). */
    public static int apply(Connection c, Dialect dialect, int upTo) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            try {
                return applyLocked(c, dialect, upTo);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
        }
        return applyLocked(c, dialect, upTo);
    }

    private static int applyLocked(Connection c, Dialect dialect, int upTo) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " applied_at BIGINT NOT NULL)");
            }
            c.commit();
            int current = current(c);
            if (current > FILES.size()) {
                throw new SQLException("the database is at schema version " + current + " but this mothership knows only "
                        + FILES.size() + "; run the newer mothership that wrote it, or point --data/--db at another database");
            }
            for (int v = current + 1; v <= Math.min(upTo, FILES.size()); v++) {
                String name = FILES.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(dialect.expand(read(name)))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_versions (version, name, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, name);
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                c.commit();
            }
            return Math.max(current, Math.min(upTo, FILES.size()));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The database's schema version (0 for none). */
    public static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(version) FROM schema_versions")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("/dev/smartpot/mothership/db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name + ": " + e.getMessage(), e);
        }
    }

    /** Splits on semicolons at line ends and drops comment lines (our files keep to that layout). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
