package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.api.WateringView;

/**
 * The waterings, done or refused, with their effect: the watering log a person reads back. Writes take the
 * writer's connection (run them through {@link StoreWriter#submit}); reads take the database.
 */
public final class WateringLog {

    private WateringLog() {
    }

    public static long insert(Connection c, WateringView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO waterings (pot_id, ml, trigger_kind, done_by, at, outcome,"
                + " reason, moisture_before, moisture_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, v.potId());
            p.setInt(2, v.ml());
            p.setString(3, v.trigger());
            p.setString(4, v.by());
            p.setLong(5, v.at().toEpochMilli());
            p.setString(6, v.outcome());
            p.setString(7, v.reason());
            Rows.setNullable(p, 8, v.moistureBefore(), Types.DOUBLE);
            Rows.setNullable(p, 9, v.moistureAfter(), Types.DOUBLE);
            return Rows.returnedId(p);
        }
    }

    public static Void update(Connection c, WateringView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE waterings SET outcome = ?, reason = ?, moisture_after = ?"
                + " WHERE id = ?")) {
            p.setString(1, v.outcome());
            p.setString(2, v.reason());
            Rows.setNullable(p, 3, v.moistureAfter(), Types.DOUBLE);
            p.setLong(4, v.id());
            p.executeUpdate();
        }
        return null;
    }

    public static List<WateringView> recent(Database db, String potId, long since, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, ml, trigger_kind, done_by, at, outcome, reason,"
                    + " moisture_before, moisture_after FROM waterings WHERE at >= ?" + (potId == null ? "" : " AND pot_id = ?")
                    + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                q.setLong(i++, since);
                if (potId != null) {
                    q.setString(i++, potId);
                }
                q.setInt(i, limit);
                List<WateringView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new WateringView(r.getLong(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                                Instant.ofEpochMilli(r.getLong(6)), r.getString(7), r.getString(8),
                                Rows.doubleOrNull(r, 9), Rows.doubleOrNull(r, 10)));
                    }
                }
                return out;
            }
        });
    }

    /** Each pot's last watering that was done, however long ago. */
    public static Map<String, Instant> lastWatered(Database db) {
        return db.read(c -> {
            Map<String, Instant> out = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, max(at) FROM waterings WHERE outcome = 'done'"
                    + " GROUP BY pot_id"); ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
                }
            }
            return out;
        });
    }
}
