package dev.smartpot.simulator.mqtt;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.testkit.contract.MqttTransportContract;

/** The one-pot transport (Paho, the board's API) passes the transport contract against a real Mosquitto. */
class PahoMqttTransportContractIT extends MqttTransportContract {

    @Override
    protected MqttTransport newTransport() {
        return new PahoMqttTransport();
    }
}
