package org.eclipse.paho.client.mqttv3;

/**
 * MicroPaho's callback: no {@code deliveryComplete}, unlike desktop Paho. Example-IOT mqtt-subscriber Main (an
 * anonymous class with exactly these two methods; the Paho-based example before it also had deliveryComplete).
 */
public interface MqttCallback {

    void connectionLost(Throwable cause);

    void messageArrived(String topic, MqttMessage message) throws Exception;
}
