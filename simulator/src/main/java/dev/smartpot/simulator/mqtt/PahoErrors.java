package dev.smartpot.simulator.mqtt;

import org.eclipse.paho.client.mqttv3.MqttException;

import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.MqttTransportException;

/** Paho's failures as the core's supervisor acts on them: a refusal, a busy client, or an unreachable broker. */
final class PahoErrors {

    private PahoErrors() {
    }

    /** Sorts Paho's reason codes into what the supervisor acts on, with a message a person understands. */
    static MqttTransportException translate(MqttException e) {
        MqttTransportException tls = TransportErrors.tls(e);
        if (tls != null) {
            return tls;
        }
        int code = e.getReasonCode();
        switch (code) {
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
            case MqttException.REASON_CODE_INVALID_CLIENT_ID:
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                // Paho's reason codes 1-5 are the CONNACK return codes.
                return BrokerRefusals.connectRefused(code);
            case MqttException.REASON_CODE_NOT_AUTHORIZED:
                // The desktop's own hint: where scripts/broker keeps each pot's login.
                return new MqttTransportException(MqttTransportException.REFUSED, BrokerRefusals.connackMessage(code)
                        + " (scripts/broker --secure: .broker-secure/pots/<client id>.properties)");
            case MqttException.REASON_CODE_MAX_INFLIGHT:
                return new MqttTransportException(MqttTransportException.BUSY, "too many publishes in flight");
            case MqttException.REASON_CODE_CLIENT_TIMEOUT:
                return new MqttTransportException(MqttTransportException.UNREACHABLE, "no answer from the broker in time");
            default:
                return TransportErrors.unreachableOrTls(e);
        }
    }
}
