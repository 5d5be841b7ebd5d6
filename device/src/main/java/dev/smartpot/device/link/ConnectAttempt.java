package dev.smartpot.device.link;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * One try at bringing the link up, on the network: WiFi first when it is down ({@link #wifiUp}), then an MQTT connect
 * to one broker with the session steps ({@link #mqtt}). It says what happened and why ({@link #failure()}); what follows
 * (the state, the backoff, the next broker, the log) is the {@link LinkSupervisor}'s.
 */
final class ConnectAttempt {

    static final int CONNECTED = 0;
    /** The broker could not be reached or the connect failed. */
    static final int FAILED = 2;
    /** The broker refused the pot (a login, a certificate). */
    static final int REFUSED = 3;
    /** The broker accepted the pot and dropped it before its session steps were done. */
    static final int DROPPED = 4;

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final WifiLink wifi;
    private final MqttTransport mqtt;
    private final Inbox inbox;
    private final Clock clock;
    private final String clientId;
    private final ConnectSettings settings;
    private final SessionSetup session;
    private final WifiJoin wifiJoin;
    private final LinkSecurity security;
    private String failure;
    /** The phases of the latest connect, for the connect record. */
    private final ConnectTimes times;
    /** How long the last MQTT connect (with the session steps) took, by the board's clock. */
    private long lastConnectMillis;

    ConnectAttempt(DeviceConfig config, Board board, MqttTransport mqtt, Inbox inbox, String clientId, byte[] willPayload,
            SessionSetup session, Log log, ConnectTimes times) {
        this.times = times;
        this.wifi = board.wifi;
        this.mqtt = mqtt;
        this.inbox = inbox;
        this.clock = board.clock;
        this.clientId = clientId;
        this.session = session;
        this.settings = new ConnectSettings(config.keepAliveSeconds, CONNECT_TIMEOUT_SECONDS, config.usernameFor(clientId),
                config.mqttPassword, config.statusTopicFor(clientId), willPayload, config.tls, !config.deepSleep);
        this.wifiJoin = new WifiJoin(config, wifi, session.memory(), clock, log);
        this.security = new LinkSecurity(config, board.fixHints, log);
    }

    /**
     * Joins WiFi unless it is up.
     *
     * @param firstSinceOnline the first try since the link was last up (the join may then go straight to the saved
     *        access point)
     * @return false when it did not come up ({@link #failure()} says why): no broker can be tried
     */
    boolean wifiUp(boolean firstSinceOnline) {
        long start = clock.uptimeMillis();
        boolean wasUp = wifi.isConnected();
        failure = wasUp ? null : wifiJoin.join(firstSinceOnline);
        if (failure == null) {
            times.attempt(start, wasUp ? -1 : wifiJoin.lastJoinMillis());
        }
        return failure == null;
    }

    /**
     * Connects to {@code broker} and runs the session steps.
     *
     * @return {@link #CONNECTED}, {@link #FAILED}, {@link #REFUSED} or {@link #DROPPED}
     */
    int mqtt(String broker) {
        failure = null;
        // A loss reported by the previous connection is old news for this one.
        inbox.takeLinkLost();
        long start = clock.uptimeMillis();
        boolean accepted = false;
        try {
            int sessionState = mqtt.connect(broker, clientId, settings);
            accepted = true;
            long connack = clock.uptimeMillis();
            times.accepted(connack, connack - start);
            session.start(mqtt, sessionState, broker, clientId);
            lastConnectMillis = clock.uptimeMillis() - start;
            return CONNECTED;
        } catch (MqttTransportException e) {
            if (accepted && e.kind() != MqttTransportException.REFUSED && !mqtt.isConnected()) {
                String lost = inbox.takeLinkLost();
                failure = "connection to " + broker + " lost right after the broker accepted it: "
                        + (lost != null ? lost : e.getMessage());
                return DROPPED;
            }
            mqtt.disconnect();
            session.linkDown();
            boolean refused = e.kind() == MqttTransportException.REFUSED;
            failure = "MQTT connect to " + broker + (refused ? " refused: " : " failed: ") + e.getMessage();
            return refused ? REFUSED : FAILED;
        }
    }

    /** The link that was up goes down, for this reason (the next connect's record tells it). */
    void linkDown(String why) {
        times.down(why);
        mqtt.disconnect();
        session.linkDown();
    }

    /** Once connected: what is weak about this broker's link (no TLS, no login), said once. */
    void warnAboutSecurity(String broker) {
        security.warnAbout(broker);
    }

    /** Why the last attempt did not connect. */
    String failure() {
        return failure;
    }

    long lastConnectMillis() {
        return lastConnectMillis;
    }

    long lastJoinMillis() {
        return wifiJoin.lastJoinMillis();
    }

    boolean lastJoinHinted() {
        return wifiJoin.lastJoinHinted();
    }
}
