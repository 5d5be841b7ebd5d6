package org.eclipse.paho.client.mqttv3;

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
}
