package dev.smartpot.simulator.cli;

import java.io.PrintStream;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.Topics;

/** The lines a single pot's run starts with: where it talks, and the commands a user can paste to watch and talk to it. */
public final class Banner {

    private Banner() {
    }

    /** @param requestedPort the {@code --port} asked for, to explain when the embedded broker had to take another */
    public static void print(PrintStream out, DeviceConfig device, EmbeddedBroker embeddedBroker, int requestedPort, String clientId) {
        String target;
        String hostPort;
        if (embeddedBroker != null) {
            target = "embedded MQTT broker (Moquette) listening on " + EmbeddedBroker.HOST + ":" + embeddedBroker.port();
            hostPort = "-h " + EmbeddedBroker.HOST + " -p " + embeddedBroker.port();
        } else {
            target = "broker " + String.join(", ", device.brokers);
            hostPort = clientOptions(device);
        }
        String readings = device.publishTopicFor(clientId);
        String commands = device.subscribeTopicFor(clientId);
        out.println("smartpot simulator: " + target);
        if (embeddedBroker != null && requestedPort != 0 && embeddedBroker.port() != requestedPort) {
            out.println("  (port " + requestedPort + " is taken, perhaps by a Mosquitto already running: pass --broker tcp://127.0.0.1:"
                    + requestedPort + " to use that one)");
        }
        out.println("  watch the readings:   mosquitto_sub " + hostPort + " -t " + readings + " -v");
        out.println("  talk to the pot:      mosquitto_pub " + hostPort + " -t " + commands + " -m \"wassap!\"");
        out.println("  confirm receipt:      mosquitto_pub " + hostPort + " -t " + commands + " -m received");
        out.println("  command the pot:      mosquitto_pub " + hostPort + " -t " + commands + " -m help"
                + "   (replies: mosquitto_sub " + hostPort + " -t '"
                + Topics.withClientId(device.commands.replyTopicTemplate, "+") + "')");
        out.println("  type 'help' for console commands; Ctrl-C to stop");
    }

    /** How to run another pot beside this one: a seed of its own gives it a client id of its own. */
    public static String secondPot(String seed) {
        int digits = seed.length();
        while (digits > 0 && Character.isDigit(seed.charAt(digits - 1))) {
            digits--;
        }
        String next = digits < seed.length() && seed.length() - digits < 9
                ? seed.substring(0, digits) + (Integer.parseInt(seed.substring(digits)) + 1) : seed + "-2";
        return "simulate: a second pot beside this one needs an id of its own: ./scripts/simulate --seed " + next
                + " (two pots with one id knock each other off)";
    }

    /** mosquitto_sub/_pub options for the first configured broker: host, port, CA, the mothership's login. */
    private static String clientOptions(DeviceConfig device) {
        String first = device.brokers[0];
        String host = first.substring(first.indexOf("://") + 3, first.lastIndexOf(':'));
        String options = "-h " + host + " -p " + first.substring(first.lastIndexOf(':') + 1);
        if (first.startsWith("ssl://")) {
            options += " --cafile " + (device.tls.caCertificate != null ? device.tls.caCertificate : "CA.crt");
        }
        if (device.mqttUsername != null) {
            // The mothership's own login, never the pot's: the pot may not read or command anything else.
            options += " -u mothership -P \"$MOTHERSHIP_PASSWORD\"";
        }
        return options;
    }
}
