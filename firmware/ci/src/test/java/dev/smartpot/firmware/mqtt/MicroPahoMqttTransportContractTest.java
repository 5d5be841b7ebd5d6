package dev.smartpot.firmware.mqtt;

import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.testkit.contract.MqttTransportOfflineContract;

/**
 * The board's transport (MicroPaho adapter) on the MicroEJ stand-ins: the stand-in client can reach no broker, so
 * only the contract's offline cases run here; the broker cases need the MicroEJ simulator or a board.
 */
class MicroPahoMqttTransportContractTest extends MqttTransportOfflineContract {

    @Override
    protected MqttTransport newTransport() {
        return new MicroPahoMqttTransport(new ListLog());
    }
}
