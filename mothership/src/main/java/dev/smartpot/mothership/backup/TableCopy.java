package dev.smartpot.mothership.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of every table the target's schema has, column by column by name, in batches: the same
 * code moves SQLite to PostgreSQL and back, whatever tables later migrations add. Both sides must be at the
 * same schema version (the caller sees to it); the bookkeeping table {@code schema_versions} is not copied,
 * the target's migrations wrote it.
 */
final class TableCopy {

    private static final int BATCH = 1_000;

    private TableCopy() {
    }

    /** @return rows copied per table, in the order copied */
    static Map<String, Long> copyAll(Connection from, Connection to, List<String> tables) throws SQLException {
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : tables) {
            copied.put(table, copy(from, to, table, columns(from, table)));
        }
        return copied;
    }

    private static long copy(Connection from, Connection to, String table, List<String> columns) throws SQLException {
        String list = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        long rows = 0;
        try (Statement read = from.createStatement();
             PreparedStatement write = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            read.setFetchSize(BATCH); // PostgreSQL streams (in a transaction) instead of loading the whole table
            try (ResultSet r = read.executeQuery("SELECT " + list + " FROM " + table)) {
                while (r.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, r.getObject(i));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    /** The table's columns as the source has them (a schema at the same version has the same ones). */
    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                names.add(plainName(r.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return names;
    }

    /** Names go into SQL text: only the plain ones the schema uses (a crafted file's "x; DROP ..." is refused). */
    static String plainName(String name) throws SQLException {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new SQLException("the file has a table or column named \"" + name + "\", which no mothership schema has;"
                    + " it is not a mothership backup");
        }
        return name;
    }

    /** The user tables of a SQLite database, parents first as created (foreign keys hold while rows go in). */
    static List<String> sqliteTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' AND name <> 'schema_versions' ORDER BY rowid")) {
            while (r.next()) {
                tables.add(plainName(r.getString(1)));
            }
        }
        return tables;
    }
}
