package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.CommandView;

/**
 * The commands sent to pots, with their replies: the command log a person reads back. Writes take the writer's
 * connection (run them through {@link StoreWriter#submit}); reads take the database.
 */
public final class CommandLog {

    private CommandLog() {
    }

    public static long insert(Connection c, CommandView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO commands (pot_id, command, sent_by, sent_at, status,"
                + " reply, error, replied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, v.potId());
            p.setString(2, v.command());
            p.setString(3, v.by());
            p.setLong(4, v.sentAt().toEpochMilli());
            p.setString(5, v.status());
            p.setString(6, v.reply());
            p.setString(7, v.error());
            Rows.setNullable(p, 8, v.repliedAt() == null ? null : v.repliedAt().toEpochMilli(), Types.BIGINT);
            return Rows.returnedId(p);
        }
    }

    public static Void finish(Connection c, CommandView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE commands SET status = ?, reply = ?, error = ?, replied_at = ?"
                + " WHERE id = ?")) {
            p.setString(1, v.status());
            p.setString(2, v.reply());
            p.setString(3, v.error());
            Rows.setNullable(p, 4, v.repliedAt() == null ? null : v.repliedAt().toEpochMilli(), Types.BIGINT);
            p.setLong(5, v.id());
            p.executeUpdate();
        }
        return null;
    }

    public static List<CommandView> recent(Database db, String potId, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, command, sent_by, sent_at, status, reply, error,"
                    + " replied_at FROM commands" + (potId == null ? "" : " WHERE pot_id = ?") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (potId != null) {
                    q.setString(i++, potId);
                }
                q.setInt(i, limit);
                List<CommandView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new CommandView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                Instant.ofEpochMilli(r.getLong(5)), r.getString(6), r.getString(7), r.getString(8),
                                Rows.instantOrNull(r, 9)));
                    }
                }
                return out;
            }
        });
    }
}
