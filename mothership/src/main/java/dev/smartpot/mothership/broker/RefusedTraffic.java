package dev.smartpot.mothership.broker;

import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;

/**
 * Tells a link this client closed because the broker broke the protocol from a link the broker closed. The HiveMQ
 * client closes the link itself when a broker reuses the packet identifier of a publish not yet acknowledged
 * ("DUP flag must be set for a resent PUBLISH") or sends more unacknowledged publishes than allowed ("receive
 * maximum"). Mosquitto before 2.0.13 does both under a backlog: on each PUBACK it moves up to a whole in-flight
 * window from its queue into flight (eclipse/mosquitto#2306), so in flight grows past the 65,535 packet identifiers.
 * That is no second mothership, so it must not count as a knock-off.
 */
final class RefusedTraffic {

    private RefusedTraffic() {
    }

    /** The reason in words with its fix, or null when the broker (or the network) closed the link. */
    static String explain(MqttDisconnectSource source, Throwable cause) {
        boolean protocol = cause instanceof Mqtt5DisconnectException || cause instanceof Mqtt3DisconnectException;
        if (source != MqttDisconnectSource.CLIENT || !protocol) {
            return null;
        }
        String m = String.valueOf(cause.getMessage());
        if (m.contains("DUP flag") || m.contains("receive maximum") || m.contains("must not be resent")) {
            return "the mothership closed the link: the broker sent more unacknowledged readings than MQTT's 65,535"
                    + " packet identifiers allow (" + m + "). Mosquitto before 2.0.13 overshoots max_inflight_messages"
                    + " while it holds a backlog; nothing is lost (the broker keeps the readings). Fix: Mosquitto"
                    + " 2.0.13 or later";
        }
        return "the mothership closed the link: the broker broke the MQTT protocol (" + m + ")";
    }
}
