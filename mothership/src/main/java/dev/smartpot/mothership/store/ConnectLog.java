package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.ConnectView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.ConnectPhases;

/**
 * The connects always-on pots recorded on their retained connect topic, one row a connect (its boot and number): the
 * pot's page lists them, {@code scripts/board-report} tabulates them. A record the broker sends again (retained, at a
 * reconnect of the mothership) is the same connect and is not stored twice.
 */
public final class ConnectLog {

    private static final String COLUMNS = "pot_id, boot, connect, received_at, reset_reason, boot_ms, wifi_ms, address_ms,"
            + " mqtt_ms, session_ms, first_publish_ms, up_ms, reason";

    private ConnectLog() {
    }

    /** Stores these records in the caller's transaction. */
    static void insert(Connection c, List<Inbound.Connect> connects, long receivedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO connects (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Inbound.Connect k : connects) {
                ConnectPhases w = k.phases();
                p.setString(1, k.potId());
                p.setLong(2, w.boot);
                p.setLong(3, w.connect);
                p.setLong(4, receivedAt);
                p.setString(5, w.reset);
                phase(p, 6, w.bootMillis);
                phase(p, 7, w.wifiMillis);
                phase(p, 8, w.addressMillis);
                phase(p, 9, w.mqttMillis);
                phase(p, 10, w.sessionMillis);
                phase(p, 11, w.firstPublishMillis);
                phase(p, 12, w.upMillis);
                p.setString(13, w.reason);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void phase(PreparedStatement p, int i, long value) throws SQLException {
        if (value == ConnectPhases.UNKNOWN) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, value);
        }
    }

    /** A pot's connects received in [from, to), oldest first, at most {@code limit} (the newest ones). */
    public static List<ConnectView> between(Database db, String potId, Instant from, Instant to, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM connects WHERE pot_id = ?"
                    + " AND received_at >= ? AND received_at < ? ORDER BY received_at DESC, boot DESC, connect DESC LIMIT ?")) {
                q.setString(1, potId);
                q.setLong(2, from.toEpochMilli());
                q.setLong(3, to.toEpochMilli());
                q.setInt(4, limit);
                List<ConnectView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(0, new ConnectView(r.getString(1), r.getLong(2), r.getLong(3), Instant.ofEpochMilli(r.getLong(4)),
                                r.getString(5), longOrNull(r, 6), longOrNull(r, 7), longOrNull(r, 8), longOrNull(r, 9),
                                longOrNull(r, 10), longOrNull(r, 11), longOrNull(r, 12), r.getString(13)));
                    }
                }
                return out;
            }
        });
    }

    private static Long longOrNull(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }
}
