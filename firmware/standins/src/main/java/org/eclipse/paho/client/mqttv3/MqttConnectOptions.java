package org.eclipse.paho.client.mqttv3;

import javax.net.SocketFactory;

/** Stand-in: the connect options the firmware sets. */
public class MqttConnectOptions {

    public void setCleanSession(boolean cleanSession) {
    }

    /** Seconds. */
    public void setKeepAliveInterval(int keepAliveInterval) {
    }

    /** Seconds. */
    public void setConnectionTimeout(int connectionTimeout) {
    }

    public void setUserName(String userName) {
    }

    public void setPassword(char[] password) {
    }

    public void setWill(String topic, byte[] payload, int qos, boolean retained) {
    }

    /**
     * The factory for the broker's socket; an {@code SSLSocketFactory} for {@code ssl://} brokers. Signature as in
     * MicroEJ's Example-IOT ssl-mqtt-subscriber (micropaho 1.0.0 with ej.api:ssl 2.2.3:
     * {@code option.setSocketFactory(SSLContextBuilder.getSslContext().getSocketFactory())}) and in MicroEJ's Paho
     * fork (MicroEJ/paho, org.eclipse.paho.client.mqttv3.microej.ssl, MqttConnectOptions).
     */
    public void setSocketFactory(SocketFactory socketFactory) {
    }
}
