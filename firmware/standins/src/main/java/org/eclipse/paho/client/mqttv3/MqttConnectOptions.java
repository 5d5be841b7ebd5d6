package org.eclipse.paho.client.mqttv3;

import javax.net.SocketFactory;

/** Stand-in: the connect options the firmware sets. */
public class MqttConnectOptions {

    /** Example-IOT ssl-mqtt-publisher Main. */
    public MqttConnectOptions() {
    }

    /** UNCONFIRMED: MicroEJ/paho MqttConnectOptions. */
    public void setCleanSession(boolean cleanSession) {
    }

    /** Seconds. greenhouse ({@code setKeepAliveInterval(30)}); Paho declares the unchecked exception. */
    public void setKeepAliveInterval(int keepAliveInterval) throws IllegalArgumentException {
    }

    /** Seconds. Example-IOT ssl-mqtt-publisher Main ({@code setConnectionTimeout(0)}); greenhouse. */
    public void setConnectionTimeout(int connectionTimeout) {
    }

    /** greenhouse. */
    public void setUserName(String userName) {
    }

    /** greenhouse ({@code setPassword(PASSWORD.toCharArray())}). */
    public void setPassword(char[] password) {
    }

    /** UNCONFIRMED: MicroEJ/paho MqttConnectOptions {@code setWill(String, byte[], int, boolean)}. */
    public void setWill(String topic, byte[] payload, int qos, boolean retained) {
    }

    /**
     * Example-IOT ssl-mqtt-publisher Main ({@code option.setSocketFactory(SSLContextBuilder.getSslContext()
     * .getSocketFactory())}, with ej.api:ssl 2.2.3). The parameter type is MicroEJ/paho's ({@code SocketFactory});
     * the example passes an {@code SSLSocketFactory}, which fits either.
     */
    public void setSocketFactory(SocketFactory socketFactory) {
    }
}
