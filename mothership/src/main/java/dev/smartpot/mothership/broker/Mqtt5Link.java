package dev.smartpot.mothership.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;

/**
 * The MQTT 5 link on the HiveMQ client (readings shared among instances in {@code $share/GROUP/...}; Paho's v3
 * client speaks no MQTT 5): a persistent session kept a week, manual acknowledgement, automatic reconnect.
 */
final class Mqtt5Link implements LinkClient {

    /** MQTT 5 session kept by the broker while the mothership is away (a week). */
    private static final long SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;

    private final BrokerOptions options;
    private final LinkState state;
    private final List<String> filters;
    private final Receiver receiver;
    private Mqtt5AsyncClient v5;
    private volatile boolean closed;

    Mqtt5Link(BrokerOptions options, LinkState state, List<String> filters, Receiver receiver) {
        this.options = options;
        this.state = state;
        this.filters = filters;
        this.receiver = receiver;
    }

    @Override
    public void start() {
        MqttClientBuilder b = MqttClient.builder().identifier(options.clientId()).serverHost(options.host())
                .serverPort(options.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    state.connected();
                    subscribe();
                })
                .addDisconnectedListener(ctx -> {
                    if (closed) {
                        // After close() nothing reconnects (a client still retrying would live on).
                        ctx.getReconnector().reconnect(false);
                        return;
                    }
                    String refused = RefusedTraffic.explain(ctx.getSource(), ctx.getCause());
                    if (refused != null) {
                        state.refusedTraffic(refused);
                    } else if (ctx.getSource() != MqttDisconnectSource.USER) {
                        state.dropped(ctx.getCause(), sessionTakenOver(ctx.getCause()));
                    }
                });
        if (options.tls()) {
            b = b.sslConfig(BrokerTls.config(options.caFile()));
        }
        Mqtt5ClientBuilder b5 = b.useMqttVersion5();
        // The login goes on the client, not on the first CONNECT: the automatic reconnect re-sends only what
        // the client was built with, so a login given to connectWith() alone is missing after a broker restart.
        if (options.username() != null) {
            byte[] password = options.password() == null ? new byte[0] : options.password().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            b5 = b5.simpleAuth(Mqtt5SimpleAuth.builder().username(options.username()).password(password).build());
        }
        v5 = b5.buildAsync();
        v5.publishes(MqttGlobalPublishFilter.ALL, p -> receiver.received(p.getTopic().toString(), p.getPayloadAsBytes(),
                p::acknowledge, () -> !closed), true);
        v5.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS)
                .keepAlive(options.keepAliveSeconds())
                // Many readings in flight while a batch commits: the broker may send this many unacknowledged.
                .restrictions().receiveMaximum(65_535).applyRestrictions()
                .send().whenComplete((ack, e) -> {
                    if (e != null) {
                        state.cannotConnect(e);
                    }
                });
    }

    private static boolean sessionTakenOver(Throwable cause) {
        return cause instanceof Mqtt5DisconnectException d
                && d.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER;
    }

    private void subscribe() {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String filter : filters) {
            all.add(v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ack, e) -> {
                if (e != null) {
                    state.subscriptionRefused(filter, e.getMessage());
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenRun(() -> state.subscribed(filters));
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        return v5.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retained).send()
                .thenApply(x -> null);
    }

    @Override
    public boolean connected() {
        return v5 != null && v5.getState().isConnected();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (v5 != null) {
                v5.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Not connected or already gone: nothing to say goodbye to.
        }
    }
}
