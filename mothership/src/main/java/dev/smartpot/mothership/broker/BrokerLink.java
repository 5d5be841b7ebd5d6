package dev.smartpot.mothership.broker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;

import dev.smartpot.mothership.ingest.PayloadParser;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.WireTopics;

/**
 * The mothership's MQTT link (HiveMQ client): subscribes at QoS 1 to the readings ({@code to_mothership},
 * {@code to_mothership/+}), the retained statuses ({@code to_mothership/+/status}) and the replies
 * ({@code to_mothership/+/reply}) in a persistent session, and hands every message, parsed, to the
 * {@link StoreWriter}. Messages are acknowledged manually, by the writer, after they are stored: if the
 * mothership dies first, the broker delivers them again. It reconnects by itself (the session and its
 * subscriptions survive) and publishes commands and alerts for the rest of the app.
 */
public final class BrokerLink implements Outbound, AutoCloseable {

    /** MQTT 5 session kept by the broker while the mothership is away (a week). */
    private static final long SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;
    private static final int KEEP_ALIVE_SECONDS = 30;

    private final BrokerOptions options;
    private final StoreWriter writer;
    private final PayloadParser parser = new PayloadParser();
    private final Clock clock;
    private final Consumer<String> linkNews;
    private final KnockOffDetector knockOffs = new KnockOffDetector();
    private Mqtt3AsyncClient v3;
    private Mqtt5AsyncClient v5;
    private volatile String lastProblem;
    private volatile boolean closed;
    /** Connected and every subscription acknowledged: from now on nothing published is missed. */
    private volatile boolean subscribed;
    private String lastNews;

    /** @param linkNews told "connected" or why the link dropped, for the log */
    public BrokerLink(BrokerOptions options, StoreWriter writer, Clock clock, Consumer<String> linkNews) {
        this.options = options;
        this.writer = writer;
        this.clock = clock;
        this.linkNews = news -> {
            // A broker that stays away (or keeps refusing) is said once, not at every reconnect attempt.
            synchronized (this) {
                if (news.equals(lastNews)) {
                    return;
                }
                lastNews = news;
            }
            linkNews.accept(news);
        };
    }

    /** The topic filters this instance subscribes to; readings in the shared group when there is one. */
    public List<String> topicFilters() {
        String share = options.sharedGroup() == null ? "" : "$share/" + options.sharedGroup() + "/";
        String[] every = WireTopics.everyPot();
        // Readings (the first two) are shared among instances; statuses, replies, abouts and connect records go to each
        // (a connect is stored once, whoever stores it first).
        return List.of(share + every[0], share + every[1], every[2], every[3], every[4], every[5]);
    }

    /** Starts connecting; returns at once (the link comes up, and comes back, by itself). */
    public void start() {
        MqttClientBuilder b = MqttClient.builder().identifier(options.clientId()).serverHost(options.host())
                .serverPort(options.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    knockOffs.connected(clock.millis());
                    lastProblem = null;
                    subscribed = false;
                    linkNews.accept("connected to " + options.url());
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
                        // This client closed the link over the broker's traffic: no second mothership is involved.
                        lastProblem = refused;
                        linkNews.accept("broker link down (" + refused + "); reconnecting");
                        return;
                    }
                    if (ctx.getSource() != MqttDisconnectSource.USER) {
                        lastProblem = explain(ctx.getCause());
                        linkNews.accept("broker link down (" + lastProblem + "); reconnecting");
                        // The HiveMQ client reports a closed socket as its own (CLIENT), so the pattern decides.
                        if (knockOffs.closedByBroker(clock.millis(), sessionTakenOver(ctx.getCause()))) {
                            linkNews.accept("the broker keeps closing this link soon after it connects: another client,"
                                    + " most likely a second mothership, uses the client id \"" + options.clientId()
                                    + "\" (a broker allows one connection per id). Fix: give each mothership its own"
                                    + " --client-id, e.g. --client-id " + options.clientId() + "-2");
                        }
                    }
                });
        if (options.tls()) {
            b = b.sslConfig(BrokerTls.config(options.caFile()));
        }
        byte[] password = options.password() == null ? new byte[0] : options.password().getBytes(StandardCharsets.UTF_8);
        // The login goes on the client, not on the first CONNECT: the automatic reconnect re-sends only what
        // the client was built with, so a login given to connectWith() alone is missing after a broker restart.
        if (options.usesMqtt5()) {
            com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder b5 = b.useMqttVersion5();
            if (options.username() != null) {
                b5 = b5.simpleAuth(Mqtt5SimpleAuth.builder().username(options.username()).password(password).build());
            }
            v5 = b5.buildAsync();
            v5.publishes(MqttGlobalPublishFilter.ALL, p -> received(p.getTopic().toString(), p.getPayloadAsBytes(),
                    p::acknowledge), true);
            v5.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS)
                    .keepAlive(KEEP_ALIVE_SECONDS)
                    // Many readings in flight while a batch commits: the broker may send this many unacknowledged.
                    .restrictions().receiveMaximum(65_535).applyRestrictions()
                    .send().whenComplete((ack, e) -> failedFirstConnect(e));
        } else {
            com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder b3 = b.useMqttVersion3();
            if (options.username() != null) {
                b3 = b3.simpleAuth(Mqtt3SimpleAuth.builder().username(options.username()).password(password).build());
            }
            v3 = b3.buildAsync();
            v3.publishes(MqttGlobalPublishFilter.ALL, p -> received(p.getTopic().toString(), p.getPayloadAsBytes(),
                    p::acknowledge), true);
            v3.connectWith().cleanSession(false).keepAlive(KEEP_ALIVE_SECONDS)
                    .send().whenComplete((ack, e) -> failedFirstConnect(e));
        }
    }

    private static boolean sessionTakenOver(Throwable cause) {
        return cause instanceof Mqtt5DisconnectException d
                && d.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER;
    }

    private void failedFirstConnect(Throwable e) {
        if (e != null) {
            lastProblem = explain(e);
            linkNews.accept("cannot connect to " + options.url() + " (" + lastProblem + "); retrying");
        }
    }

    /** The cause in words, with the fix for the usual TLS and login mistakes. */
    private String explain(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof javax.net.ssl.SSLHandshakeException || m.contains("PKIX")) {
            return "TLS: the broker's certificate is not trusted (" + m + "); give the CA that signed it"
                    + (options.caFile() == null ? "" : " instead of " + options.caFile());
        }
        if (m.contains("BAD_USER_NAME_OR_PASSWORD") || m.contains("NOT_AUTHORIZED")) {
            return "refused by the broker (" + m + "); check the mothership's user name and password";
        }
        return m;
    }

    private void subscribe() {
        List<CompletableFuture<?>> all = new java.util.ArrayList<>();
        for (String filter : topicFilters()) {
            CompletableFuture<?> sent = v5 != null
                    ? v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                    : v3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            all.add(sent.whenComplete((ack, e) -> {
                if (e != null) {
                    linkNews.accept("the broker refused the subscription to " + filter + " (" + e.getMessage()
                            + "); check the mothership account's ACL");
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenRun(() -> {
            subscribed = true;
            linkNews.accept("receiving " + String.join(", ", topicFilters()));
        });
    }

    private void received(String topic, byte[] payload, Runnable ack) {
        writer.offer(new StoreWriter.Received(parser.parse(topic, payload), clock.millis(), ack));
    }

    @Override
    public CompletableFuture<Void> publish(String topic, String payload, boolean retained) {
        if (!connected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the broker " + options.url()
                    + " is not connected" + (lastProblem == null ? "" : " (" + lastProblem + ")")));
        }
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?> sent = v5 != null
                ? v5.publishWith().topic(topic).payload(bytes).qos(MqttQos.AT_LEAST_ONCE).retain(retained).send()
                : v3.publishWith().topic(topic).payload(bytes).qos(MqttQos.AT_LEAST_ONCE).retain(retained).send();
        return sent.thenApply(x -> null);
    }

    /** Connected, and subscribed to everything the mothership listens to. */
    public boolean connected() {
        return subscribed && (v5 != null ? v5.getState().isConnected() : v3 != null && v3.getState().isConnected());
    }

    /** Why the link is down, null when up or never tried. */
    public String problem() {
        return connected() ? null : lastProblem;
    }

    /** A polite disconnect: the broker keeps the session (and queues readings) for the next start. */
    @Override
    public void close() {
        closed = true;
        try {
            if (v5 != null) {
                v5.disconnect().get(5, TimeUnit.SECONDS);
            } else if (v3 != null) {
                v3.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Not connected or already gone: nothing to say goodbye to.
        }
    }
}
