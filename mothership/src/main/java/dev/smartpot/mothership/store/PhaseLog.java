package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.protocol.PhaseRecord;

/**
 * What {@link WakeLog} and {@link ConnectLog} share: a table of the records pots report phase by phase, one row per
 * (pot, boot, number) however often the broker sends a record again, listed by pot and time received. Each log names
 * its own columns once and writes and reads them in that order through {@link Out} and {@link In}, so neither counts
 * column indexes.
 *
 * @param <R> what arrives (a status, a connect record)
 * @param <V> what the pot's page lists
 */
final class PhaseLog<R, V> {

    /** Binds one record's row: its pot, boot and number, then the log's own columns in order. */
    interface Writer<R> {
        /** @return false, binding nothing, for a record that has no row */
        boolean write(R record, Out row) throws SQLException;
    }

    /** Makes a view of one row: its pot, boot, number and time received, then the log's own columns in order. */
    interface Reader<V> {
        V read(In row) throws SQLException;
    }

    private final String table;
    private final String number;
    private final String ownColumns;
    private final Writer<R> writer;
    private final Reader<V> reader;

    /**
     * @param number     the column that numbers a record within its boot (a wake's seq, a connect's number)
     * @param ownColumns the log's other columns, comma-separated, in the order its writer and reader take them
     */
    PhaseLog(String table, String number, String ownColumns, Writer<R> writer, Reader<V> reader) {
        this.table = table;
        this.number = number;
        this.ownColumns = ownColumns;
        this.writer = writer;
        this.reader = reader;
    }

    /** Stores the records that have a row, in the caller's transaction; one already stored is left as it is. */
    void insert(Connection c, List<R> records, long receivedAt) throws SQLException {
        String columns = "received_at, pot_id, boot, " + number + ", " + ownColumns;
        StringBuilder marks = new StringBuilder("?");
        for (int i = 0; i < columns.length(); i++) {
            if (columns.charAt(i) == ',') {
                marks.append(", ?");
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks
                + ") ON CONFLICT DO NOTHING")) {
            int rows = 0;
            for (R record : records) {
                if (writer.write(record, new Out(p, 2))) {
                    p.setLong(1, receivedAt);
                    p.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                p.executeBatch();
            }
        }
    }

    /** A pot's records received in [from, to), oldest first, at most {@code limit} (the newest ones). */
    List<V> between(Database db, String potId, Instant from, Instant to, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, boot, " + number + ", received_at, " + ownColumns
                    + " FROM " + table + " WHERE pot_id = ? AND received_at >= ? AND received_at < ?"
                    + " ORDER BY received_at DESC, boot DESC, " + number + " DESC LIMIT ?")) {
                q.setString(1, potId);
                q.setLong(2, from.toEpochMilli());
                q.setLong(3, to.toEpochMilli());
                q.setInt(4, limit);
                List<V> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(0, reader.read(new In(r)));
                    }
                }
                return out;
            }
        });
    }

    /** Binds a row's columns one after the other. */
    static final class Out {
        private final PreparedStatement p;
        private int next;

        Out(PreparedStatement p, int first) {
            this.p = p;
            this.next = first;
        }

        Out text(String value) throws SQLException {
            p.setString(next++, value);
            return this;
        }

        Out whole(long value) throws SQLException {
            p.setLong(next++, value);
            return this;
        }

        /** A phase in ms (or a count), NULL when the pot did not report it. */
        Out phase(long value) throws SQLException {
            Rows.setNullable(p, next++, value == PhaseRecord.UNKNOWN ? null : value, Types.BIGINT);
            return this;
        }

        Out flag(boolean value) throws SQLException {
            p.setInt(next++, value ? 1 : 0);
            return this;
        }
    }

    /** Reads a row's columns one after the other. */
    static final class In {
        private final ResultSet r;
        private int next = 1;

        In(ResultSet r) {
            this.r = r;
        }

        String text() throws SQLException {
            return r.getString(next++);
        }

        long whole() throws SQLException {
            return r.getLong(next++);
        }

        Instant instant() throws SQLException {
            return Instant.ofEpochMilli(r.getLong(next++));
        }

        /** A phase in ms (or a count), null when the pot did not report it. */
        Long phase() throws SQLException {
            return Rows.longOrNull(r, next++);
        }

        boolean flag() throws SQLException {
            return r.getInt(next++) != 0;
        }
    }
}
