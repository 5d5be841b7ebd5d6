package dev.smartpot.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;

import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The core's MQTT seam on the HiveMQ MQTT client, for fleets. Every client in the JVM shares one small
 * Netty event loop (HiveMQ's default), where Paho starts four threads per client and spends about 300 ms
 * on each connect; see docs/fleet.md and BENCHMARKS.md for the measurements behind the choice. The core's calls
 * still block (the transport contract), each on the future of its request, with a timeout. HiveMQ's
 * automatic reconnect is off, as it is by default: the core supervises the link.
 *
 * <p>Acknowledgements are manual: a QoS 1 message's PUBACK goes when the core handled it ({@link #acknowledge}), so one
 * still unhandled when the session ends is re-sent by the broker at the next persistent session. HiveMQ keeps no
 * message id in sight, so each connection numbers what it holds back itself.
 */
public final class HiveMqttTransport implements MqttTransport {

    /** How long a blocking operation (connect, subscribe, publish) may wait for the broker's answer. */
    private static final long OPERATION_TIMEOUT_MILLIS = 10_000;

    private volatile MqttListener listener;
    private volatile Mqtt3AsyncClient client;
    /** The current client's connect; retired with it, so a client we closed or replaced reports nothing. */
    private volatile Attempt attempt;
    /** Numbers the messages held back for the core, across connections, skipping {@link #NO_ACK}. */
    private final AtomicInteger acks = new AtomicInteger();
    /** The last client's DISCONNECT, done when the broker closed that connection; the next connect waits for it. */
    private volatile CompletableFuture<Void> goodbye;

    /**
     * One client's connect: whether the broker accepted it, and whether its loss is still news to the core. HiveMQ may
     * tell of a link the broker dropped right after its CONNACK before it completes the connect's future, so the loss
     * is kept until the connect is known to have been accepted, and reported once by whichever side sees both.
     */
    private final class Attempt {
        volatile CompletableFuture<Mqtt3ConnAck> connack;
        volatile boolean retired;
        private volatile Throwable lost;
        private final AtomicBoolean reported = new AtomicBoolean();
        /** The messages of this connection the core kept and has not acknowledged yet, by ack. */
        final ConcurrentHashMap<Integer, Mqtt3Publish> held = new ConcurrentHashMap<>();

        void linkLost(Throwable cause) {
            lost = cause;
            reportIfAccepted();
        }

        void reportIfAccepted() {
            CompletableFuture<Mqtt3ConnAck> f = connack;
            Throwable cause = lost;
            boolean accepted = f != null && f.isDone() && !f.isCompletedExceptionally();
            if (cause != null && accepted && !retired && reported.compareAndSet(false, true)) {
                MqttListener l = listener;
                if (l != null) {
                    l.connectionLost(TransportErrors.describe(cause));
                }
            }
        }
    }

    @Override
    public void setListener(MqttListener listener) {
        this.listener = listener;
    }

    @Override
    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        disconnect();
        awaitGoodbye(settings.connectTimeoutSeconds);
        BrokerAddress broker;
        try {
            broker = BrokerAddress.parse(serverUri);
        } catch (IllegalArgumentException e) {
            throw new MqttTransportException(MqttTransportException.OTHER, "bad broker address: " + e.getMessage());
        }
        boolean tls = broker.isTls();
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(broker.hostName())
                .serverPort(broker.port())
                .socketConnectTimeout(settings.connectTimeoutSeconds, TimeUnit.SECONDS)
                .mqttConnectTimeout(settings.connectTimeoutSeconds, TimeUnit.SECONDS);
        if (tls) {
            // The fleet is for load on plain listeners; TLS pots (CA, client certificates) run one per process.
            throw new MqttTransportException(MqttTransportException.REFUSED, "the fleet transport speaks tcp:// only: run a TLS"
                    + " pot on its own (scripts/simulate without --devices), which reads mqtt.tls.*");
        }
        Attempt current = new Attempt();
        Mqtt3AsyncClient c = MqttClient.builder()
                .useMqttVersion3()
                .identifier(clientId)
                .transportConfig(transport.build())
                .addDisconnectedListener(context -> {
                    // Our own disconnect, a replaced client or a failed connect (connect() reports it) is not news.
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        current.linkLost(context.getCause());
                    }
                })
                .buildAsync();
        Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect =
                c.connectWith().cleanSession(settings.cleanSession).keepAlive(settings.keepAliveSeconds);
        if (!settings.cleanSession) {
            // A persistent session's messages kept by the broker arrive right after CONNACK, before this connection
            // subscribed again: without a flow for them the client would drop them.
            c.publishes(MqttGlobalPublishFilter.REMAINING, publish -> deliver(current, publish), true);
        }
        if (settings.username != null) {
            connect = connect.simpleAuth().username(settings.username)
                    .password(settings.password == null ? new byte[0] : settings.password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        if (settings.willTopic != null) {
            connect = connect.willPublish().topic(settings.willTopic).payload(settings.willPayload)
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        Mqtt3ConnAck connAck;
        try {
            CompletableFuture<Mqtt3ConnAck> sent = connect.send();
            current.connack = sent;
            connAck = await(sent);
        } catch (MqttTransportException e) {
            current.retired = true;
            c.disconnect();
            throw e;
        }
        client = c;
        attempt = current;
        current.reportIfAccepted();
        return connAck.isSessionPresent() ? SESSION_PRESENT : SESSION_NEW;
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        Mqtt3AsyncClient c = requireClient();
        Attempt owner = attempt;
        Mqtt3SubAck ack = await(c.subscribeWith().topicFilter(topicFilter).qos(qosOf(qos))
                .callback(publish -> deliver(owner, publish))
                .manualAcknowledgement(true)
                .send());
        if (ack.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
            throw BrokerRefusals.subscriptionRefused(topicFilter);
        }
    }

    /**
     * MQTT 3 lets no client announce a maximum packet size (MQTT 5's restrictions do): the broker's
     * max_packet_size bounds what arrives here. The payload is copied once for the core, which keeps only the
     * size of one over 256 bytes.
     */
    private void deliver(Attempt connection, Mqtt3Publish publish) {
        int ack = NO_ACK;
        if (publish.getQos() == MqttQos.AT_LEAST_ONCE && connection != null) {
            ack = acks.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
            connection.held.put(ack, publish);
        }
        MqttListener l = listener;
        boolean kept = l != null && (publish.isRetain()
                ? l.retainedMessageArrived(publish.getTopic().toString(), publish.getPayloadAsBytes(), ack)
                : l.messageArrived(publish.getTopic().toString(), publish.getPayloadAsBytes(), ack));
        if (!kept || ack == NO_ACK) {
            // Let go by the core (an echo, a full inbox), or QoS 0/2: acknowledged now, as HiveMQ would on its own.
            if (ack != NO_ACK) {
                connection.held.remove(ack);
            }
            publish.acknowledge();
        }
    }

    @Override
    public void acknowledge(int ack) {
        Attempt connection = attempt;
        Mqtt3Publish publish = ack == NO_ACK || connection == null ? null : connection.held.remove(ack);
        // An ack of a connection that is gone finds nothing: the broker re-sends that message instead.
        if (publish != null) {
            publish.acknowledge();
        }
    }

    @Override
    public void unsubscribe(String topicFilter) throws MqttTransportException {
        await(requireClient().unsubscribeWith().topicFilter(topicFilter).send());
    }

    @Override
    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        Mqtt3AsyncClient c = requireClient();
        // The core reuses its buffer; the client may still hold the message after we return (QoS 0).
        byte[] exact = new byte[length];
        System.arraycopy(payload, 0, exact, 0, length);
        await(c.publishWith().topic(topic).payload(exact).qos(qosOf(qos)).retain(retained).send());
    }

    @Override
    public void disconnect() {
        Attempt retiring = attempt;
        if (retiring != null) {
            retiring.retired = true;
        }
        Mqtt3AsyncClient c = client;
        client = null;
        if (c != null && c.getState() != MqttClientState.DISCONNECTED) {
            // Polite when the link is up; never waits here for a dead peer (the next connect waits, a while).
            goodbye = c.disconnect();
        }
    }

    /**
     * Mosquitto gives a client id's session to a new connection at once and drops the old one with what it had not
     * read yet. A PUBACK sent just before the goodbye would be lost with it, and the broker would send again a
     * message the core acknowledged. So a connect waits until the broker closed the last connection, which it does
     * once it read the DISCONNECT; a peer that never closes is given up after a connect timeout.
     */
    private void awaitGoodbye(int timeoutSeconds) {
        CompletableFuture<Void> last = goodbye;
        if (last == null) {
            return;
        }
        try {
            last.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The old link failed or stays silent: nothing more it sends will be read.
        }
        goodbye = null;
    }

    @Override
    public boolean isConnected() {
        Mqtt3AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    private Mqtt3AsyncClient requireClient() throws MqttTransportException {
        Mqtt3AsyncClient c = client;
        if (c == null || !c.getState().isConnected()) {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }
        return c;
    }

    private static MqttQos qosOf(int qos) {
        return qos == 0 ? MqttQos.AT_MOST_ONCE : qos == 1 ? MqttQos.AT_LEAST_ONCE : MqttQos.EXACTLY_ONCE;
    }

    private static <T> T await(CompletableFuture<T> request) throws MqttTransportException {
        try {
            return request.get(OPERATION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel(false);
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "no answer from the broker in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttTransportException(MqttTransportException.OTHER, "interrupted");
        } catch (ExecutionException e) {
            throw HiveMqErrors.translate(e.getCause());
        }
    }
}
