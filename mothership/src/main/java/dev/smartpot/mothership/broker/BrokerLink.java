package dev.smartpot.mothership.broker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.smartpot.mothership.ingest.PayloadParser;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.WireTopics;

/**
 * The mothership's MQTT link: subscribes at QoS 1 to the readings ({@code to_mothership}, {@code to_mothership/+}),
 * the retained statuses ({@code to_mothership/+/status}) and the replies ({@code to_mothership/+/reply}) in a
 * persistent session, and hands every message, parsed, to the {@link StoreWriter}. Messages are acknowledged
 * manually, by the writer, after they are stored: if the mothership dies first, the broker delivers them again.
 * While the writer's queue is full the link waits, so the client stops reading and the broker slows down. It
 * reconnects by itself (the session and its subscriptions survive) and publishes commands and alerts for the rest
 * of the app. MQTT 3.1.1 runs on the mothership's own client ({@link Mqtt3Link}); MQTT 5 (a shared group) on the HiveMQ client
 * ({@link Mqtt5Link}).
 */
public final class BrokerLink implements Outbound, AutoCloseable {

    /** How long one wait for room in the writer's queue lasts before the link checks it is still up. */
    private static final long ROOM_WAIT_MS = 200;

    private final BrokerOptions options;
    private final StoreWriter writer;
    private final PayloadParser parser = new PayloadParser();
    private final Clock clock;
    private final LinkState state;
    private volatile LinkClient client;

    /** @param linkNews told "connected" or why the link dropped, for the log */
    public BrokerLink(BrokerOptions options, StoreWriter writer, Clock clock, Consumer<String> linkNews) {
        this.options = options;
        this.writer = writer;
        this.clock = clock;
        this.state = new LinkState(options, clock, linkNews);
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
        LinkClient c = options.usesMqtt5() ? new Mqtt5Link(options, state, topicFilters(), this::received)
                : new Mqtt3Link(options, state, topicFilters(), this::received);
        client = c;
        c.start();
    }

    /**
     * Hands a message to the writer, waiting while its queue is full (back-pressure); gives up only when the
     * connection it came on is gone, unacknowledged, so the broker delivers it again.
     */
    private void received(String topic, byte[] payload, Runnable ack, BooleanSupplier live) {
        StoreWriter.Received r = new StoreWriter.Received(parser.parse(topic, payload), clock.millis(), ack);
        while (!writer.offer(r, ROOM_WAIT_MS)) {
            if (!live.getAsBoolean()) {
                return;
            }
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, String payload, boolean retained) {
        if (!connected()) {
            String problem = state.problem();
            return CompletableFuture.failedFuture(new IllegalStateException("the broker " + options.url()
                    + " is not connected" + (problem == null ? "" : " (" + problem + ")")));
        }
        return client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    /** Connected, and subscribed to everything the mothership listens to. */
    public boolean connected() {
        LinkClient c = client;
        return c != null && state.subscribed() && c.connected();
    }

    /** Why the link is down, null when up or never tried. */
    public String problem() {
        return connected() ? null : state.problem();
    }

    /** A polite disconnect: the broker keeps the session (and queues readings) for the next start. */
    @Override
    public void close() {
        LinkClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
