package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** App-wide settings of the mothership itself (not of a pot): today the automatic-watering switch. */
public final class AppSettings {

    private static final String AUTO_WATERING = "auto_watering";

    private AppSettings() {
    }

    /** The switch as saved; on until someone switches it off. */
    public static boolean autoWatering(Database db) {
        return !"off".equals(read(db, AUTO_WATERING));
    }

    public static Void saveAutoWatering(Connection c, boolean on) throws SQLException {
        return save(c, AUTO_WATERING, on ? "on" : "off");
    }

    private static String read(Database db, String name) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT value FROM app_settings WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private static Void save(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO app_settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            p.setString(1, name);
            p.setString(2, value);
            p.executeUpdate();
        }
        return null;
    }
}
