package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Deletes a pot and everything kept about it, in the caller's transaction (issue 23: fakes could not be removed). */
final class PotRemoval {

    private static final String[] BY_POT = {"readings", "inbox_slots", "rollup_5m", "rollup_1h", "commands", "waterings", "alerts",
        "wakes", "connects"};

    private PotRemoval() {
    }

    /** @return whether the pot had a row */
    static boolean delete(Connection c, String potId) throws SQLException {
        // Its alerts' notifications still waiting would name an alert that is gone.
        try (PreparedStatement p = c.prepareStatement("DELETE FROM notify_outbox WHERE alert_id IN"
                + " (SELECT id FROM alerts WHERE pot_id = ?)")) {
            p.setString(1, potId);
            p.executeUpdate();
        }
        for (String table : BY_POT) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE pot_id = ?")) {
                p.setString(1, potId);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM pots WHERE id = ?")) {
            p.setString(1, potId);
            return p.executeUpdate() > 0;
        }
    }
}
