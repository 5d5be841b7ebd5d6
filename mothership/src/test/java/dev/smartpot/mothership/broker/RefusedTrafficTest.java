package dev.smartpot.mothership.broker;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.hivemq.client.internal.mqtt.message.disconnect.MqttDisconnectBuilder;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;

/** The wedged link's reason (issue 20): a broker overshooting its in-flight window is named, not a second mothership. */
class RefusedTrafficTest {

    private static Mqtt5DisconnectException refused(String reason) {
        return new Mqtt5DisconnectException(new MqttDisconnectBuilder.Default()
                .reasonCode(Mqtt5DisconnectReasonCode.PROTOCOL_ERROR).reasonString(reason).build(), reason);
    }

    @Test
    void aReusedPacketIdentifierNamesTheBrokersOvershootAndItsFix() {
        String why = RefusedTraffic.explain(MqttDisconnectSource.CLIENT,
                refused("DUP flag must be set for a resent QoS 1 PUBLISH"));
        assertTrue(why.contains("65,535 packet identifiers") && why.contains("Mosquitto 2.0.13 or later")
                && why.contains("nothing is lost"), why);
    }

    @Test
    void aClosedSocketOrTheBrokersOwnDisconnectIsNotARefusal() {
        assertNull(RefusedTraffic.explain(MqttDisconnectSource.CLIENT, new ConnectionClosedException("closed")));
        assertNull(RefusedTraffic.explain(MqttDisconnectSource.SERVER, refused("session taken over")));
    }
}
