package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final PhaseLog<Inbound.Status, WakeView> LOG = new PhaseLog<>("wakes", "seq",
            "reset_reason, boot_ms, boot_modelled, read_ms, wifi_ms, address_ms, mqtt_ms, publish_ms, readings, listen_ms,"
                    + " awake_ms, round_trips",
            WakeLog::write, WakeLog::read);

    private WakeLog() {
    }

    /** Stores the wakes of these statuses in the caller's transaction; a status without its boot and seq has none. */
    static void insert(Connection c, List<Inbound.Status> statuses, long receivedAt) throws SQLException {
        LOG.insert(c, statuses, receivedAt);
    }

    private static boolean write(Inbound.Status s, PhaseLog.Out row) throws SQLException {
        WakePhases w = s.wake();
        if (w == null || !w.identified()) {
            return false;
        }
        row.text(s.potId()).whole(w.boot).whole(w.seq)
                .text(w.reset).phase(w.bootMillis).flag(w.bootModelled).phase(w.readMillis).phase(w.wifiMillis)
                .phase(w.addressMillis).phase(w.mqttMillis).phase(w.publishMillis).phase(w.readings)
                .phase(w.listenMillis).phase(w.awakeMillis).phase(w.roundTrips);
        return true;
    }

    private static WakeView read(PhaseLog.In row) throws SQLException {
        return new WakeView(row.text(), row.whole(), row.whole(), row.instant(),
                row.text(), row.phase(), row.flag(), row.phase(), row.phase(),
                row.phase(), row.phase(), row.phase(), row.phase(), row.phase(),
                row.phase(), row.phase());
    }

    /** A pot's wakes received in [from, to), oldest first, at most {@code limit} (the newest ones). */
    public static List<WakeView> between(Database db, String potId, Instant from, Instant to, int limit) {
        return LOG.between(db, potId, from, to, limit);
    }
}
