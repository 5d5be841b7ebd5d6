package dev.smartpot.host.broker;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.ForwardingMqttTransport;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * Steps around a race in the embedded Moquette (0.17, unchanged in its 0.18 line): it marks a connection as
 * connected only in a listener of its CONNACK write, which it attaches from its session thread after the write
 * was handed to Netty (MQTTConnection.executeConnect). When that thread is slow (a fleet ramping up on a busy
 * machine), the client has the CONNACK, sends its SUBSCRIBE, and Moquette reads it before the listener ran: it logs
 * "SUBSCRIBE received on already closed connection" and closes the connection (processSubscribe), and the pot's
 * connect fails (the HiveMQ client calls that "Session expired as connection was closed": a clean session ends with
 * its connection). Nothing is lost, the pot retries, but it warns, and a fleet of 1000 did so a few times per run.
 * <p>
 * An UNSUBSCRIBE has no such check and is answered from the same session thread, after that listener was
 * attached, so its UNSUBACK arrives only once the connection counts as connected. One UNSUBSCRIBE of a filter
 * nobody uses, right after each connect to an embedded broker, makes the pot's subscriptions safe for the cost of
 * one round trip (ConnectBarrierBench). Other brokers are left alone.
 */
public final class MoquetteConnectBarrier extends ForwardingMqttTransport {

    /** A filter no component subscribes to, so unsubscribing it never removes a subscription (even a kept one). */
    static final String BARRIER_FILTER = "smartpot/connect-barrier";

    public MoquetteConnectBarrier(MqttTransport inner) {
        super(inner);
    }

    @Override
    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        int session = inner.connect(serverUri, clientId, settings);
        if (embeddedAt(serverUri)) {
            inner.unsubscribe(BARRIER_FILTER);
        }
        return session;
    }

    /**
     * True when {@code serverUri} (any form {@link BrokerAddress} reads) is a plain listener of an embedded broker
     * running in this JVM.
     */
    static boolean embeddedAt(String serverUri) {
        BrokerAddress broker = BrokerAddress.parseOrNull(serverUri);
        return broker != null && !broker.isTls() && EmbeddedBroker.runsOn(broker.port())
                && (EmbeddedBroker.HOST.equals(broker.hostName()) || "localhost".equals(broker.hostName()));
    }
}
