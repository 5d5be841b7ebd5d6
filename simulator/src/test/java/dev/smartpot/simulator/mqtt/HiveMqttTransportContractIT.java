package dev.smartpot.simulator.mqtt;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.testkit.contract.MqttTransportContract;

/** The fleet's transport (HiveMQ client) passes the same transport contract against a real Mosquitto. */
class HiveMqttTransportContractIT extends MqttTransportContract {

    @Override
    protected MqttTransport newTransport() {
        return new HiveMqttTransport();
    }
}
