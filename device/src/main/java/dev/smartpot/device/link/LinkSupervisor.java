package dev.smartpot.device.link;

import java.util.Random;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.text.Durations;

/**
 * Owns the WiFi and MQTT link's state. Connects when due (WiFi first, then the brokers in turn), runs the
 * session steps, and takes the link down in one place whatever broke it. A broken link never crashes the
 * loop: the cause is logged once, the retry backs off (exponential, full jitter, per device), and after
 * {@code reboot.after} without a working link the board is asked to reboot. A broker that refuses the pot
 * is retried at the backoff cap and never rebooted for: that would only lose the queue.
 */
public final class LinkSupervisor {

    /** Not connected; waiting for the retry time to try again. */
    public static final int OFFLINE = 0;
    public static final int ONLINE = 1;
    public static final int STOPPED = 2;
    /**
     * Not connected because the broker will not let this pot work: a refused login, a certificate that does not
     * check out, or readings the broker acknowledges but does not deliver. Waiting is the only cure short of a
     * fix, so it retries at the backoff cap, and never reboots.
     */
    public static final int REFUSED = 3;

    /** A link that stays up this long has proved itself: the backoff starts from its floor again. */
    static final long STABLE_LINK_MILLIS = 30000;

    private final DeviceConfig config;
    private final WifiLink wifi;
    private final MqttTransport mqtt;
    private final Inbox inbox;
    private final Log log;
    private final String clientId;
    private final SessionSetup session;
    private final ReadingQueue queue;
    private final Backoff backoff;
    private final ConnectAttempt attempt;
    private final ClientIdClash clash;

    private int state = OFFLINE;
    private int brokerIndex;
    private int failuresThisRound;
    private int attemptsSinceOnline;
    private int reconnects;
    private long retryAt;
    /**
     * The wait before the next attempt, counted from the next tick, or -1. Going offline and a failed attempt wait
     * on the network, so the tick's clock reading is stale by then; the next tick's reading is not.
     */
    private long retryDelay = -1;
    private long onlineSince;
    private long offlineSince;
    private String lastFailure;
    /** An operation on the link failed during the last tick; taken down at the next, on a fresh clock reading. */
    private String failedOperation;

    /**
     * @param willPayload what the broker publishes on the status topic when the pot vanishes
     * @param session the steps each component adds, run after every connect
     * @param times where each connect's phases are kept, for the connect record
     */
    public LinkSupervisor(DeviceConfig config, Board board, MqttTransport mqtt, Inbox inbox, String clientId, byte[] willPayload,
            SessionSetup session, ReadingQueue queue, long now, ConnectTimes times) {
        this.config = config;
        this.wifi = board.wifi;
        this.mqtt = mqtt;
        this.inbox = inbox;
        this.log = board.log;
        this.clientId = clientId;
        this.session = session;
        this.queue = queue;
        this.attempt = new ConnectAttempt(config, board, mqtt, inbox, clientId, willPayload, session, log, times);
        this.clash = new ClientIdClash(clientId, log, board.fixHints);
        // Seeded per device, so two pots that lose the broker together spread their retries apart.
        this.backoff = new Backoff(config.backoffMinMillis, config.backoffMaxMillis, new Random(now ^ ((long) clientId.hashCode() << 16)));
        this.retryAt = now;
        this.offlineSince = now;
    }

    /**
     * Notices a link the transport or the WiFi lost, connects when a retry is due (and {@code mayConnect}: not
     * while stopping), and forgives a link that proved stable.
     *
     * @return true if it took the link down or tried to connect: both wait on the network, so {@code now} is
     *         stale afterwards
     */
    public boolean supervise(long now, boolean mayConnect) {
        if (retryDelay >= 0) {
            retryAt = now + retryDelay;
            retryDelay = -1;
        }
        String lost = inbox.takeLinkLost();
        String failed = failedOperation;
        failedOperation = null;
        if (state == ONLINE && (failed != null || lost != null || !wifi.isConnected())) {
            clash.sessionEnded(now, wifi.isConnected());
            linkDown(now, failed != null ? failed : lost != null ? "connection lost: " + lost : "WiFi connection lost");
            return true;
        }
        if ((state == OFFLINE || state == REFUSED) && now >= retryAt && mayConnect) {
            connect(now);
            return true;
        }
        if (state == ONLINE && now - onlineSince >= STABLE_LINK_MILLIS && backoff.failures() > 0) {
            backoff.reset();
        }
        return false;
    }

    /**
     * An operation on the link failed (a publish, an unsubscribe). The caller waited on it, so its clock reading is
     * stale: the link is taken down at the next tick, whose time the backoff counts from.
     */
    public void failed(String reason) {
        if (failedOperation == null) {
            failedOperation = reason;
        }
    }

    /** True while something waits for the next tick's clock reading: a failure to act on, or a retry to time. */
    public boolean needsFreshClock() {
        return failedOperation != null || retryDelay >= 0;
    }

    /** The link broke: log once, disconnect, and retry after a backoff. */
    private void linkDown(long now, String reason) {
        if (config.brokers.length > 1) {
            brokerIndex = (brokerIndex + 1) % config.brokers.length;
        }
        long delay = backoff.nextDelayMillis();
        log.warn(reason + "; reconnecting in " + Durations.format(delay) + " (" + queue.size() + " readings queued)");
        goOffline(now, OFFLINE, delay, null, reason);
    }

    /**
     * The broker serves the link but will not let this pot work (the caller has logged why): disconnect and
     * retry at the cap, never rebooting.
     *
     * @param failure what the status line shows as the last error
     */
    public void refused(long now, String failure) {
        attemptsSinceOnline = 1;
        goOffline(now, REFUSED, config.backoffMaxMillis, failure, failure);
    }

    /** How long a refused link waits before the next try. */
    public long retryDelayWhenRefused() {
        return config.backoffMaxMillis;
    }

    /** The one way from online to offline. */
    private void goOffline(long now, int newState, long delay, String failure, String why) {
        attempt.linkDown(why);
        state = newState;
        offlineSince = now;
        reconnects++;
        failuresThisRound = 0;
        retryDelay = delay;
        lastFailure = failure;
    }

    /** After {@code reboot.after} offline, asks the board to reboot; true if it did. */
    public boolean escalateIfStuck(long now, Rebooter rebooter) {
        if (state != OFFLINE || config.rebootAfterMillis <= 0 || now - offlineSince < config.rebootAfterMillis) {
            return false;
        }
        String reason = "no working link for " + Durations.format(now - offlineSince);
        log.error(reason + ": asking the board to reboot");
        offlineSince = now;
        rebooter.reboot(reason);
        return true;
    }

    /** The earlier of {@code next} and the link's own next event (a retry, a reboot). */
    public long nextEvent(long next) {
        if (state == OFFLINE || state == REFUSED) {
            next = Math.min(next, retryAt);
            if (state == OFFLINE && config.rebootAfterMillis > 0) {
                next = Math.min(next, offlineSince + config.rebootAfterMillis);
            }
        }
        return next;
    }

    /** Disconnects for good (the caller said goodbye first). */
    public void stop() {
        if (state == ONLINE) {
            mqtt.disconnect();
        }
        state = STOPPED;
    }

    private void connect(long now) {
        if (!attempt.wifiUp(attemptsSinceOnline == 0)) {
            // WiFi is below every broker: rotating brokers would not help.
            failuresThisRound = config.brokers.length;
            attemptFailed(now, attempt.failure(), false);
            return;
        }
        String broker = config.brokers[brokerIndex];
        if (attemptsSinceOnline == 0 || config.brokers.length > 1) {
            log.info("connecting to " + broker + " as " + clientId);
        }
        int outcome = attempt.mqtt(broker);
        if (outcome == ConnectAttempt.DROPPED) {
            droppedRightAfterConnect(now, attempt.failure());
            return;
        }
        if (outcome != ConnectAttempt.CONNECTED) {
            attemptFailed(now, attempt.failure(), outcome == ConnectAttempt.REFUSED);
            brokerIndex = (brokerIndex + 1) % config.brokers.length;
            return;
        }
        state = ONLINE;
        onlineSince = now;
        failuresThisRound = 0;
        AttemptLog.connected(log, session, broker, attemptsSinceOnline, now - offlineSince);
        clash.connected(now, attemptsSinceOnline);
        attempt.warnAboutSecurity(broker);
        attemptsSinceOnline = 0;
        lastFailure = null;
    }

    /**
     * The broker accepted the pot and dropped the link before its session steps were done, as a broker does when
     * another client connects with the same id at about the same time: a session, however short, so the clash check
     * counts it, and the broker is reachable, so the retry backs off as after a lost link.
     */
    private void droppedRightAfterConnect(long now, String reason) {
        clash.connected(now, attemptsSinceOnline);
        clash.sessionEnded(now, wifi.isConnected());
        attemptsSinceOnline = 0;
        linkDown(now, reason);
    }

    private void attemptFailed(long now, String reason, boolean refused) {
        attemptsSinceOnline++;
        failuresThisRound++;
        if (failuresThisRound < config.brokers.length) {
            // Another broker in the list has not been tried this round: try it now.
            retryDelay = 0;
            log.warn(reason + "; trying the next broker");
            return;
        }
        failuresThisRound = 0;
        // A refusal does not go away by itself: retry at the cap, however few failures came before.
        long delay = refused ? config.backoffMaxMillis : backoff.nextDelayMillis();
        retryDelay = delay;
        state = refused ? REFUSED : OFFLINE;
        AttemptLog.failed(log, reason, refused, delay, reason.equals(lastFailure), attemptsSinceOnline);
        lastFailure = reason;
    }

    public int state() {
        return state;
    }

    /** Milliseconds the last successful WiFi join took. */
    public long lastJoinMillis() {
        return attempt.lastJoinMillis();
    }

    /** Milliseconds the last successful MQTT connect took, with subscribing and the other session steps. */
    public long lastConnectMillis() {
        return attempt.lastConnectMillis();
    }

    public boolean isOnline() {
        return state == ONLINE;
    }

    /** Whether the last WiFi join went straight to the access point saved from the join before. */
    public boolean lastJoinHinted() {
        return attempt.lastJoinHinted();
    }

    /** The broker in use, or to be tried next. */
    public String broker() {
        return config.brokers[brokerIndex];
    }

    public int reconnects() {
        return reconnects;
    }

    /** Why the link is not up, while it is not; null otherwise. */
    public String lastFailure() {
        return state == OFFLINE || state == REFUSED ? lastFailure : null;
    }
}
