package dev.smartpot.simulator.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;

import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.MqttTransportException;

/** HiveMQ's failures as the core's supervisor acts on them: a refusal, or an unreachable broker. */
final class HiveMqErrors {

    private HiveMqErrors() {
    }

    /** Sorts HiveMQ's failures into what the supervisor acts on, with a message a person understands. */
    static MqttTransportException translate(Throwable e) {
        if (e instanceof Mqtt3ConnAckException) {
            Mqtt3ConnAckReturnCode code = ((Mqtt3ConnAckException) e).getMqttMessage().getReturnCode();
            return BrokerRefusals.connectRefused(code.getCode());
        }
        if (e instanceof MqttSessionExpiredException) {
            // HiveMQ's "Session expired as connection was closed": no broker expired anything. A clean session ends
            // with its connection, so the client fails the requests still waiting for an answer.
            Throwable cause = e.getCause();
            return new MqttTransportException(MqttTransportException.UNREACHABLE, cause instanceof ConnectionClosedException
                    ? "the broker closed the connection before it answered"
                    : "the connection closed before the broker answered (" + TransportErrors.describe(cause) + ")");
        }
        return TransportErrors.unreachableOrTls(e);
    }
}
