package dev.smartpot.simulator.mqtt;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.TlsSettings;
import dev.smartpot.host.tls.TlsFiles;

/**
 * The core's MQTT seam on Eclipse Paho 1.2.5's blocking client. Paho's own reconnect is off (its delay
 * is one static field shared by every client in the JVM); the core supervises instead. Persistence is in
 * memory: the 2-argument constructor would write files into the working directory.
 *
 * <p>Acknowledgements are manual ({@link PahoAcks}): a QoS 1 message's PUBACK goes when the core handled it.
 */
public final class PahoMqttTransport implements MqttTransport {

    /**
     * The longest a blocking operation (publish, subscribe) may wait for the broker's answer; never longer
     * than the keepalive, so a QoS 1 publish into a frozen broker shows the dead link sooner than a ping would.
     */
    private static final long OPERATION_TIMEOUT_MILLIS = 10_000;
    /** Enough room that a burst of queued QoS 1 readings rarely hits "too many publishes in progress". */
    private static final int MAX_INFLIGHT = 100;

    private volatile MqttListener listener;
    private volatile MqttClient client;
    /** The current client's events; retired with it, so a client we closed or replaced reports nothing. */
    private volatile Callback events;
    /** Counts connects, so an ack from an earlier connection is told apart ({@link PahoAcks#next}). */
    private volatile int connection;
    /**
     * Built on the first {@code ssl://} connect from these settings, then reused for as long as this transport lives
     * (one boot): one SSLContext, so a reconnect resumes the TLS session instead of a full handshake.
     */
    private TlsSettings tlsFor;
    private TlsResumptionWatch tlsSockets;

    @Override
    public void setListener(MqttListener listener) {
        this.listener = listener;
    }

    @Override
    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        disconnect();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(settings.cleanSession);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(pahoKeepAlive(settings.keepAliveSeconds));
        options.setConnectionTimeout(settings.connectTimeoutSeconds);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        int thisConnection = PahoAcks.next(connection);
        if (settings.username != null) {
            options.setUserName(settings.username);
            if (settings.password != null) {
                options.setPassword(settings.password.toCharArray());
            }
        }
        if (settings.willTopic != null) {
            options.setWill(settings.willTopic, settings.willPayload, 1, true);
        }
        boolean tlsLink = BrokerAddress.parse(serverUri).isTls();
        if (tlsLink) {
            TlsSettings tls = settings.tls != null ? settings.tls : new TlsSettings(null, null, null, true);
            options.setSocketFactory(tlsSockets(tls));
            options.setHttpsHostnameVerificationEnabled(tls.verifyHostname);
        }
        PahoConnect.Client c;
        try {
            c = new PahoConnect.Client(serverUri, clientId);
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttTransportException(MqttTransportException.OTHER, "bad broker address " + serverUri + ": " + e.getMessage());
        }
        long timeToWait = Math.min(OPERATION_TIMEOUT_MILLIS, settings.keepAliveSeconds * 1000L);
        c.setTimeToWait(timeToWait);
        // The core acknowledges once it handled a message: until then the broker still owns it.
        c.setManualAcks(true);
        PahoConnect connecting = new PahoConnect();
        Callback callback = new Callback(connecting, c, thisConnection);
        c.setCallback(callback);
        IMqttToken connack;
        try {
            connack = connecting.connect(c, options, timeToWait);
        } catch (MqttException e) {
            callback.retired = true;
            closeQuietly(c);
            MqttTransportException failure = PahoErrors.translate(e);
            String m = failure.getMessage().toLowerCase();
            if (tlsLink && failure.kind() == MqttTransportException.UNREACHABLE
                    && (m.contains("reset") || m.contains("closed") || m.contains("eof"))) {
                // Mosquitto hangs up on a TLS hello sent to a plain port; say so, but keep retrying (a restart looks the same).
                throw new MqttTransportException(MqttTransportException.UNREACHABLE, failure.getMessage()
                        + " (the broker hung up during TLS setup: is " + serverUri + " its TLS port? A plain MQTT port, usually"
                        + " 1883, does that; TLS is usually 8883)");
            }
            throw failure;
        }
        connection = thisConnection;
        client = c;
        events = callback;
        if (connack == null) {
            // Accepted, then dropped: connected as far as the broker's log goes, so report it as a lost link.
            MqttListener l = listener;
            if (l != null) {
                l.connectionLost(TransportErrors.describe(connecting.lostAfterConnack()));
            }
            return SESSION_UNKNOWN;
        }
        return connack.getSessionPresent() ? SESSION_PRESENT : SESSION_NEW;
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        MqttClient c = requireClient();
        try {
            IMqttToken token = c.subscribeWithResponse(topicFilter, qos);
            int[] granted = token.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == BrokerRefusals.SUBACK_FAILURE) {
                throw BrokerRefusals.subscriptionRefused(topicFilter);
            }
        } catch (MqttException e) {
            throw PahoErrors.translate(e);
        }
    }

    @Override
    public void unsubscribe(String topicFilter) throws MqttTransportException {
        MqttClient c = requireClient();
        try {
            c.unsubscribe(topicFilter);
        } catch (MqttException e) {
            throw PahoErrors.translate(e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        MqttClient c = requireClient();
        byte[] exact = new byte[length];
        System.arraycopy(payload, 0, exact, 0, length);
        try {
            c.publish(topic, exact, qos, retained);
        } catch (MqttException e) {
            throw PahoErrors.translate(e);
        }
    }

    @Override
    public void acknowledge(int ack) {
        PahoAcks.acknowledge(client, connection, ack);
    }

    @Override
    public void disconnect() {
        Callback retiring = events;
        if (retiring != null) {
            retiring.retired = true;
        }
        MqttClient c = client;
        client = null;
        if (c != null) {
            closeQuietly(c);
        }
    }

    /**
     * Drops the connection the way a lost radio does: no DISCONNECT packet, so the broker publishes the
     * pot's last will. The device loop notices through {@link MqttListener#connectionLost} or a failed call.
     */
    public void severLink() {
        MqttClient c = client;
        if (c != null) {
            try {
                c.disconnectForcibly(0, 100, false);
            } catch (MqttException | RuntimeException alreadyGone) {
                // Nothing left to sever.
            }
        }
    }

    @Override
    public boolean isConnected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }

    /** TLS handshakes this transport made, and how many of them resumed an earlier session (for tests and benchmarks). */
    public int[] tlsHandshakesAndResumptions() {
        TlsResumptionWatch watch = tlsSockets;
        return watch == null ? new int[] {0, 0} : new int[] {watch.handshakes(), watch.resumed()};
    }

    /**
     * Paho pings once the broker has been silent for a keepalive and gives up one keepalive after that, so
     * it can take two keepalives to notice a dead link. Running its keepalive at three quarters of ours
     * keeps that within 1.5 x {@code mqtt.keepalive}, at the cost of a 2-byte ping a little more often.
     */
    static int pahoKeepAlive(int configuredSeconds) {
        return Math.max(1, configuredSeconds * 3 / 4);
    }

    private SSLSocketFactory tlsSockets(TlsSettings tls) throws MqttTransportException {
        if (tls != tlsFor) {
            try {
                tlsSockets = new TlsResumptionWatch(TlsFiles.socketFactory(tls));
            } catch (TlsFiles.Unusable e) {
                throw new MqttTransportException(MqttTransportException.REFUSED, e.key + " " + e.getMessage());
            }
            tlsFor = tls;
        }
        return tlsSockets;
    }

    private MqttClient requireClient() throws MqttTransportException {
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }
        return c;
    }

    private static void closeQuietly(MqttClient c) {
        try {
            if (c.isConnected()) {
                // Don't wait on a dead peer: a short quiesce, then drop the socket.
                c.disconnectForcibly(100, 1000);
            }
        } catch (MqttException | RuntimeException ignored) {
            // Already gone; closing below is all that is left to do.
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // Nothing more we can release.
        }
    }

    /**
     * Forwards Paho's events for one client until it is retired. A loss may come before connect() has returned (the
     * broker dropped the link right after accepting it): it is news to the core all the same.
     */
    private final class Callback implements MqttCallback {
        private final PahoConnect connecting;
        private final MqttClient client;
        private final int connection;
        private volatile boolean retired;

        Callback(PahoConnect connecting, MqttClient client, int connection) {
            this.connecting = connecting;
            this.client = client;
            this.connection = connection;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (connecting.linkLost(cause)) {
                return;
            }
            MqttListener l = listener;
            if (l != null && !retired) {
                l.connectionLost(TransportErrors.describe(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Paho 1.2.5 has already read the whole packet (it has no size limit of its own); the core keeps only the
            // size of a payload too big to be a command, so nothing here copies it and it goes once this returns.
            // The brokers' max_packet_size (16 KB) is what keeps a 100 MB message away from the pot.
            PahoAcks.deliver(listener, client, connection, topic, message);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Blocking publishes already waited for this.
        }
    }
}
