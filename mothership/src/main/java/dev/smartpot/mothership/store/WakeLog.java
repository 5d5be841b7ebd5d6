package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.WakeView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.WakePhases;

/**
 * The wakes battery pots reported with their asleep status, one row a wake (its boot and the seq of its reading): the
 * pot's page draws them, {@code scripts/board-report} tabulates them. A status the broker sends again (retained, at
 * a reconnect) is the same wake and is not stored twice.
 */
public final class WakeLog {

    private WakeLog() {
    }

    /** Stores the wakes of these statuses in the caller's transaction; a status without its boot and seq has none. */
    static void insert(Connection c, List<Inbound.Status> statuses, long receivedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO wakes (pot_id, boot, seq, received_at, reset_reason, boot_ms,"
                + " boot_modelled, read_ms, wifi_ms, address_ms, mqtt_ms, publish_ms, readings, listen_ms, awake_ms,"
                + " round_trips) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            int n = 0;
            for (Inbound.Status s : statuses) {
                WakePhases w = s.wake();
                if (w == null || w.boot == WakePhases.UNKNOWN || w.seq == WakePhases.UNKNOWN) {
                    continue;
                }
                p.setString(1, s.potId());
                p.setLong(2, w.boot);
                p.setLong(3, w.seq);
                p.setLong(4, receivedAt);
                p.setString(5, w.reset);
                phase(p, 6, w.bootMillis);
                p.setInt(7, w.bootModelled ? 1 : 0);
                phase(p, 8, w.readMillis);
                phase(p, 9, w.wifiMillis);
                phase(p, 10, w.addressMillis);
                phase(p, 11, w.mqttMillis);
                phase(p, 12, w.publishMillis);
                phase(p, 13, w.readings);
                phase(p, 14, w.listenMillis);
                phase(p, 15, w.awakeMillis);
                phase(p, 16, w.roundTrips);
                p.addBatch();
                n++;
            }
            if (n > 0) {
                p.executeBatch();
            }
        }
    }

    private static void phase(PreparedStatement p, int i, long value) throws SQLException {
        if (value == WakePhases.UNKNOWN) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, value);
        }
    }

    /** A pot's wakes received in [from, to), oldest first, at most {@code limit} (the newest ones). */
    public static List<WakeView> between(Database db, String potId, Instant from, Instant to, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, boot, seq, received_at, reset_reason, boot_ms,"
                    + " boot_modelled, read_ms, wifi_ms, address_ms, mqtt_ms, publish_ms, readings, listen_ms, awake_ms,"
                    + " round_trips FROM wakes WHERE pot_id = ? AND received_at >= ? AND received_at < ?"
                    + " ORDER BY received_at DESC, boot DESC, seq DESC LIMIT ?")) {
                q.setString(1, potId);
                q.setLong(2, from.toEpochMilli());
                q.setLong(3, to.toEpochMilli());
                q.setInt(4, limit);
                List<WakeView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(0, new WakeView(r.getString(1), r.getLong(2), r.getLong(3), Instant.ofEpochMilli(r.getLong(4)),
                                r.getString(5), longOrNull(r, 6), r.getInt(7) != 0, longOrNull(r, 8), longOrNull(r, 9),
                                longOrNull(r, 10), longOrNull(r, 11), longOrNull(r, 12), longOrNull(r, 13), longOrNull(r, 14),
                                longOrNull(r, 15), longOrNull(r, 16)));
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
