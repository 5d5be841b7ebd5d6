package org.eclipse.paho.client.mqttv3;

/**
 * Stand-in: a failed MQTT operation with Paho's reason code. The type: Example-IOT (caught around every call);
 * {@code getReasonCode()}: greenhouse. The constructors exist for the stand-ins and tests (the firmware never
 * makes one); they are MicroEJ/paho's.
 */
public class MqttException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public MqttException(int reasonCode) {
        super("MQTT reason " + reasonCode);
        this.reasonCode = reasonCode;
    }

    public MqttException(int reasonCode, Throwable cause) {
        super("MQTT reason " + reasonCode, cause);
        this.reasonCode = reasonCode;
    }

    /** greenhouse ({@code exception.getReasonCode()}). */
    public int getReasonCode() {
        return reasonCode;
    }
}
