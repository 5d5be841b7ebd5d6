package dev.smartpot.host;

/**
 * Moquette, Netty and the HiveMQ client log through SLF4J (slf4j-simple) at INFO: Moquette prints a line per
 * packet. A user of the simulator wants the pot's lines and library warnings only, and a benchmark must not
 * spend its time printing. Call before the first logger is made (first thing in a main).
 */
public final class LogTuning {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogTuning() {
    }

    /** Libraries log warnings and errors only, with the time of day. */
    public static void quietLibraries() {
        System.setProperty(PREFIX + "defaultLogLevel", "warn");
        System.setProperty(PREFIX + "showDateTime", "true");
        System.setProperty(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        // After the delivery check unsubscribes from the readings topic, readings already on their way still
        // arrive; the HiveMQ client warns about each one. They are expected and harmless.
        System.setProperty(PREFIX + "log.com.hivemq.client.internal.mqtt.handler.publish.incoming."
                + "MqttIncomingPublishService", "error");
        // Moquette 0.17's connection warns when a client's SUBSCRIBE beats its own CONNACK bookkeeping ("SUBSCRIBE
        // received on already closed connection", see MoquetteConnectBarrier) and when it refuses a CONNECT; either
        // way it closes or refuses that client, which reports it in its own words (our pots say why and retry).
        // Its real trouble, a full session queue, comes from another logger and still shows.
        System.setProperty(PREFIX + "log.io.moquette.broker.MQTTConnection", "error");
    }
}
