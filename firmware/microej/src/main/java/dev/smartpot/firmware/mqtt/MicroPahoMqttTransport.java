package dev.smartpot.firmware.mqtt;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.TlsSettings;

/**
 * The core's MQTT seam over MicroEJ's MicroPaho ({@code ej.library.iot:micropaho}): a blocking client, clean
 * session, no persistence, no automatic reconnect (the core supervises the link). MicroPaho's callback has only
 * {@code messageArrived} and {@code connectionLost}; both just hand over to the core's listener.
 *
 * <p>{@code ssl://} brokers get a socket factory built by {@link EmbeddedTls} from the certificates embedded in the
 * firmware ({@code MqttConnectOptions.setSocketFactory}, as in MicroEJ's ssl-mqtt-subscriber example). MicroPaho has
 * no switch for host-name checks: the VEE Port's TLS layer checks the name the socket was opened with, and not an
 * IP address, so the cases it cannot check are warned about on every connect.
 *
 * <p>Only members seen in projects built on MicroPaho are called here; the others (will, clean session,
 * unsubscribe, a message's QoS and retained flag) go through {@link MicroPahoUnconfirmedCalls}, which a build
 * without them swaps for a twin that calls none of them, and then this class says at start what the pot does
 * without (docs/esp32.md, "MicroPaho").
 *
 * <p>No manual acknowledgements: no MicroPaho user shows {@code setManualAcks} or {@code messageArrivedComplete}, so
 * MicroPaho acknowledges a message when {@code messageArrived} returns, and every message reaches the core with
 * {@link MqttTransport#NO_ACK}. The core then handles whatever came before the link closed, even after a deep-sleep
 * wake's last tick ({@code Inbox.settleAfterDisconnect}): acknowledged, it would not come again.
 *
 * <p>Reason codes follow Paho's: 1-5 are the broker's CONNACK refusals ({@link BrokerRefusals}; seen with
 * MicroPaho), 128 a refused subscription, 32202 "too many publishes in progress" (Paho's REASON_CODE_MAX_INFLIGHT;
 * whether MicroPaho raises it is unconfirmed: if it never does, nothing is mapped to BUSY and a full window reads
 * as a lost link).
 */
public final class MicroPahoMqttTransport implements MqttTransport {

    static final int TOO_MANY_PUBLISHES = 32202;

    private final Log log;
    private final EmbeddedTls.Resources resources;
    private MqttListener listener;
    private MqttClient client;
    /** Built on the first {@code ssl://} connect from these settings, then reused. */
    private TlsSettings tlsFor;
    private SSLSocketFactory tlsSockets;

    public MicroPahoMqttTransport(Log log) {
        this(log, EmbeddedTls.FIRMWARE);
    }

    MicroPahoMqttTransport(Log log, EmbeddedTls.Resources resources) {
        this.log = log;
        this.resources = resources;
        if (!MicroPahoUnconfirmedCalls.available()) {
            log.warn("this firmware was built for a MicroPaho without setWill, unsubscribe, setQos and setRetained:"
                    + " no last will is set (the pot's status is not turned offline when it drops off), subscriptions"
                    + " last until the next connect, and every message goes out with MicroPaho's default QoS and not"
                    + " retained (status and discovery messages are not kept by the broker)");
        }
    }

    public void setListener(MqttListener listener) {
        this.listener = listener;
    }

    /**
     * @return always {@link #SESSION_UNKNOWN}: no MicroPaho user shows a way to read CONNACK's session-present flag
     *         (its blocking {@code connect} returns nothing), so the core subscribes at every connect as before
     */
    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        disconnect();
        MqttConnectOptions options = new MqttConnectOptions();
        MicroPahoUnconfirmedCalls.cleanSession(options, settings.cleanSession);
        options.setKeepAliveInterval(settings.keepAliveSeconds);
        options.setConnectionTimeout(settings.connectTimeoutSeconds);
        if (settings.username != null) {
            options.setUserName(settings.username);
        }
        if (settings.password != null) {
            options.setPassword(settings.password.toCharArray());
        }
        if (settings.willTopic != null) {
            MicroPahoUnconfirmedCalls.will(options, settings.willTopic, settings.willPayload, 1, true);
        }
        BrokerAddress broker = BrokerAddress.parse(serverUri);
        if (broker.isTls()) {
            options.setSocketFactory(tlsSockets(settings.tls));
            warnAboutUncheckedHostName(broker, settings.tls);
        }
        try {
            MqttClient c = new MqttClient(serverUri, clientId);
            c.setCallback(new Callback());
            c.connect(options);
            client = c;
        } catch (MqttException e) {
            throw translate("connect", e);
        }
        return SESSION_UNKNOWN;
    }

    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        try {
            connected().subscribe(topicFilter, qos);
        } catch (MqttException e) {
            if (e.getReasonCode() == BrokerRefusals.SUBACK_FAILURE) {
                throw BrokerRefusals.subscriptionRefused(topicFilter);
            }
            throw translate("subscribe", e);
        }
    }

    public void unsubscribe(String topicFilter) throws MqttTransportException {
        try {
            MicroPahoUnconfirmedCalls.unsubscribe(connected(), topicFilter);
        } catch (MqttException e) {
            throw translate("unsubscribe", e);
        }
    }

    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        byte[] exact = payload;
        if (length != payload.length) {
            exact = new byte[length];
            System.arraycopy(payload, 0, exact, 0, length);
        }
        MqttMessage message = new MqttMessage(exact);
        MicroPahoUnconfirmedCalls.qosAndRetained(message, qos, retained);
        try {
            connected().publish(topic, message);
        } catch (MqttException e) {
            throw translate("publish", e);
        }
    }

    /** Nothing to do: MicroPaho acknowledged every message on arrival (see the class comment). */
    public void acknowledge(int ack) {
    }

    public void disconnect() {
        MqttClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect();
            }
        } catch (Exception e) {
            // Dropped either way.
        }
    }

    public boolean isConnected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }

    private SSLSocketFactory tlsSockets(TlsSettings tls) throws MqttTransportException {
        if (tlsSockets == null || tls != tlsFor) {
            tlsSockets = EmbeddedTls.socketFactory(tls, resources);
            tlsFor = tls;
        }
        return tlsSockets;
    }

    private void warnAboutUncheckedHostName(BrokerAddress broker, TlsSettings tls) {
        String host = broker.hostName();
        if (tls != null && !tls.verifyHostname) {
            log.warn("mqtt.tls.verify_hostname = false cannot be honoured on the board: MicroEJ's SSL API has no such"
                    + " switch. The TLS layer still checks the name " + host + " against the broker's certificate"
                    + (broker.isIpLiteral() ? " only for host names, not for this IP address" : "")
                    + ". Fix: remove the key, and write mqtt.broker with a name the certificate lists");
        } else if (broker.isIpLiteral()) {
            log.warn("the broker " + host + " is an IP address: this board's TLS layer checks host names only, so any"
                    + " certificate signed by the CA in mqtt.tls.ca is accepted for it. Fix: write mqtt.broker with a"
                    + " host name the broker's certificate lists");
        }
    }

    private MqttClient connected() throws MqttTransportException {
        MqttClient c = client;
        if (c == null) {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }
        return c;
    }

    static MqttTransportException translate(String what, MqttException e) {
        int code = e.getReasonCode();
        String message = what + " failed: " + (e.getMessage() == null ? "reason " + code : e.getMessage()) + " (" + code + ")";
        if (BrokerRefusals.isConnackRefusal(code)) {
            return BrokerRefusals.connectRefused(code);
        }
        int kind;
        if (code == TOO_MANY_PUBLISHES) {
            kind = MqttTransportException.BUSY;
        } else {
            kind = MqttTransportException.UNREACHABLE;
        }
        return new MqttTransportException(kind, message);
    }

    /** Runs on MicroPaho's thread: hands over and returns at once. */
    private final class Callback implements MqttCallback {

        public void connectionLost(Throwable cause) {
            MqttListener l = listener;
            if (l != null) {
                l.connectionLost(cause == null ? null : cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
            }
        }

        public void messageArrived(String topic, MqttMessage message) throws Exception {
            MqttListener l = listener;
            if (l != null) {
                l.messageArrived(topic, message.getPayload(), NO_ACK);
            }
        }
    }
}
