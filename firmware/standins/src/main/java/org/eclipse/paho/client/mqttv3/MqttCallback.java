package org.eclipse.paho.client.mqttv3;

/** MicroPaho's callback: no {@code deliveryComplete}, unlike desktop Paho. */
public interface MqttCallback {

    void connectionLost(Throwable cause);

    void messageArrived(String topic, MqttMessage message) throws Exception;
}
