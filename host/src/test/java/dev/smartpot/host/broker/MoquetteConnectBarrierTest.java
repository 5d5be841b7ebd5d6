package dev.smartpot.host.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.host.LogTuning;
import dev.smartpot.testkit.Loopback;

/** The barrier goes on the wire right after a connect to an embedded broker of this JVM, and nowhere else. */
class MoquetteConnectBarrierTest {

    private static final ConnectSettings SETTINGS = new ConnectSettings(15, 10, null, null, null, null);

    @BeforeAll
    static void quiet() {
        LogTuning.quietLibraries();
    }

    @Test
    void unsubscribesTheBarrierRightAfterConnectingToARunningEmbeddedBrokerInAnyAddressForm() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            for (String uri : List.of(broker.uri(), "127.0.0.1:" + broker.port(), "tcp://localhost:" + broker.port())) {
                Recording wire = new Recording();
                MqttTransport pot = new MoquetteConnectBarrier(wire);
                pot.connect(uri, "0123456789ab", SETTINGS);
                pot.subscribe("from_mothership", 1);
                assertEquals(List.of("connect " + uri, "unsubscribe smartpot/connect-barrier", "subscribe from_mothership"),
                        wire.calls, uri);
            }
        }
    }

    @Test
    void leavesOtherBrokersAndAStoppedEmbeddedBrokerAlone() throws Exception {
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            port = broker.port();
            int elsewhere = Loopback.freePort();
            for (String uri : List.of("tcp://127.0.0.1:" + elsewhere, "ssl://127.0.0.1:" + port, "tcp://192.0.2.1:" + port)) {
                Recording wire = new Recording();
                new MoquetteConnectBarrier(wire).connect(uri, "0123456789ab", SETTINGS);
                assertEquals(List.of("connect " + uri), wire.calls, uri);
            }
        }
        Recording wire = new Recording();
        new MoquetteConnectBarrier(wire).connect("tcp://127.0.0.1:" + port, "0123456789ab", SETTINGS);
        assertEquals(List.of("connect tcp://127.0.0.1:" + port), wire.calls, "the broker on that port stopped");
    }

    @Test
    void aBarrierTheBrokerDoesNotAnswerFailsTheConnectLikeAnyOtherStep() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Recording wire = new Recording();
            wire.unsubscribeFails = true;
            MqttTransportException e = assertThrows(MqttTransportException.class,
                    () -> new MoquetteConnectBarrier(wire).connect(broker.uri(), "0123456789ab", SETTINGS));
            assertEquals(MqttTransportException.UNREACHABLE, e.kind());
        }
    }

    /** Records the calls that would go on the wire. */
    private static final class Recording implements MqttTransport {
        final List<String> calls = new ArrayList<>();
        boolean unsubscribeFails;

        @Override
        public void setListener(MqttListener listener) {
        }

        @Override
        public int connect(String serverUri, String clientId, ConnectSettings settings) {
            calls.add("connect " + serverUri);
            return SESSION_NEW;
        }

        @Override
        public void subscribe(String topicFilter, int qos) {
            calls.add("subscribe " + topicFilter);
        }

        @Override
        public void unsubscribe(String topicFilter) throws MqttTransportException {
            if (unsubscribeFails) {
                throw new MqttTransportException(MqttTransportException.UNREACHABLE, "no answer from the broker in time");
            }
            calls.add("unsubscribe " + topicFilter);
        }

        @Override
        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) {
            calls.add("publish " + topic);
        }

        @Override
        public void acknowledge(int ack) {
        }

        @Override
        public void disconnect() {
            calls.add("disconnect");
        }

        @Override
        public boolean isConnected() {
            return !calls.isEmpty();
        }
    }
}
