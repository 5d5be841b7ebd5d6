package dev.smartpot.mothership.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.MessageView;

/**
 * The messages kept as received (junk included, a sample of a flood): read back, and junk counted. Writes take the
 * writer's connection (run them through {@link StoreWriter#submit}); reads take the database.
 */
public final class MessageLog {

    private MessageLog() {
    }

    public static List<MessageView> recent(Database db, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, topic, text, junk, problem, received_at FROM messages"
                    + " ORDER BY id DESC LIMIT ?")) {
                q.setInt(1, limit);
                List<MessageView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new MessageView(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4) != 0,
                                r.getString(5), Instant.ofEpochMilli(r.getLong(6))));
                    }
                }
                return out;
            }
        });
    }

    public static long junkCount(Database db) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM messages WHERE junk = 1");
                 ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
