package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final PhaseLog<Inbound.Connect, ConnectView> LOG = new PhaseLog<>("connects", "connect",
            "reset_reason, boot_ms, wifi_ms, address_ms, mqtt_ms, session_ms, first_publish_ms, up_ms, reason",
            ConnectLog::write, ConnectLog::read);

    private ConnectLog() {
    }

    /** Stores these records in the caller's transaction. */
    static void insert(Connection c, List<Inbound.Connect> connects, long receivedAt) throws SQLException {
        LOG.insert(c, connects, receivedAt);
    }

    private static boolean write(Inbound.Connect k, PhaseLog.Out row) throws SQLException {
        ConnectPhases w = k.phases();
        row.text(k.potId()).whole(w.boot).whole(w.connect)
                .text(w.reset).phase(w.bootMillis).phase(w.wifiMillis).phase(w.addressMillis).phase(w.mqttMillis)
                .phase(w.sessionMillis).phase(w.firstPublishMillis).phase(w.upMillis).text(w.reason);
        return true;
    }

    private static ConnectView read(PhaseLog.In row) throws SQLException {
        return new ConnectView(row.text(), row.whole(), row.whole(), row.instant(),
                row.text(), row.phase(), row.phase(), row.phase(), row.phase(),
                row.phase(), row.phase(), row.phase(), row.text());
    }

    /** A pot's connects received in [from, to), oldest first, at most {@code limit} (the newest ones). */
    public static List<ConnectView> between(Database db, String potId, Instant from, Instant to, int limit) {
        return LOG.between(db, potId, from, to, limit);
    }
}
