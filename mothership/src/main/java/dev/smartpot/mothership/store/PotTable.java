package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.PotSettings;

/** The pots table: one row per pot ever seen, with what a person set for it and its last status. */
public final class PotTable {

    /**
     * @param settings null while nobody has set anything for this pot (defaults apply)
     */
    public record Row(String id, PotSettings settings, String status, Instant statusAt, Instant firstSeen) {
    }

    private PotTable() {
    }

    public static List<Row> all(Database db) {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, name, room, preset, dry_below, wet_above, hysteresis,"
                    + " auto_water, water_ml, daily_max_ml, cooldown_minutes, status, status_at, first_seen FROM pots");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    PotSettings s = null;
                    Double dry = Rows.doubleOrNull(r, 5);
                    if (dry != null) {
                        s = new PotSettings(r.getString(2), r.getString(3), r.getString(4), dry, r.getDouble(6),
                                r.getDouble(7), r.getInt(8) != 0, r.getInt(9), r.getInt(10), r.getInt(11));
                    }
                    out.add(new Row(r.getString(1), s, r.getString(12), Rows.instantOrNull(r, 13),
                            Instant.ofEpochMilli(r.getLong(14))));
                }
            }
            return out;
        });
    }

    /** Stores a pot's settings (making its row if the pot was never heard from). */
    public static Void save(Connection c, String id, PotSettings s, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO pots (id, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            p.setString(1, id);
            p.setLong(2, now);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE pots SET name = ?, room = ?, preset = ?, dry_below = ?,"
                + " wet_above = ?, hysteresis = ?, auto_water = ?, water_ml = ?, daily_max_ml = ?, cooldown_minutes = ?"
                + " WHERE id = ?")) {
            p.setString(1, s.name());
            p.setString(2, s.room());
            p.setString(3, s.preset());
            p.setDouble(4, s.dryBelow());
            p.setDouble(5, s.wetAbove());
            p.setDouble(6, s.hysteresis());
            p.setInt(7, s.autoWater() ? 1 : 0);
            p.setInt(8, s.waterMl());
            p.setInt(9, s.dailyMaxMl());
            p.setInt(10, s.cooldownMinutes());
            p.setString(11, id);
            p.executeUpdate();
        }
        return null;
    }
}
