package dev.smartpot.simulator.cli;

import java.io.IOException;

import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.host.broker.EmbeddedBroker;

/**
 * {@code --broker}: the embedded Moquette (default), the file's own {@code mqtt.broker} ("config"), or a broker
 * the user names. Decides what {@code mqtt.broker} the pot is configured with.
 */
public final class BrokerChoice {

    public static final String EMBEDDED = "embedded";
    public static final String CONFIG = "config";

    private final String broker;
    private final int port;

    public BrokerChoice(String broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    public boolean embedded() {
        return broker.equals(EMBEDDED);
    }

    /** Null when the choice fits the file; else what is wrong and how to fix it. */
    public String problemWith(ConfigSource source) {
        ConfigSource.Entry fileBroker = source.get("mqtt.broker");
        if (embedded() && fileBroker != null && fileBroker.value.trim().startsWith("ssl://")) {
            // The embedded broker speaks plain MQTT only: starting it would just fail on the TLS keys.
            return fileBroker.where() + ": mqtt.broker is a TLS broker (" + fileBroker.value.trim()
                    + "), but --broker is embedded (the default), which has no TLS. Fix: add --broker config to use the"
                    + " file's broker, or pass --broker ssl://HOST:PORT";
        }
        return null;
    }

    /** Puts the chosen broker into {@code source}; the embedded one with a stand-in address until it runs. */
    public void applyTo(ConfigSource source) {
        if (embedded()) {
            source.override("mqtt.broker", EmbeddedBroker.HOST + ":" + (port == 0 ? 1883 : port), "--broker embedded");
        } else if (!broker.equals(CONFIG)) {
            source.override("mqtt.broker", broker, "command line --broker");
        }
    }

    /** Starts the embedded broker and points {@code source} at the port it got. */
    public EmbeddedBroker startEmbedded(ConfigSource source) throws IOException {
        EmbeddedBroker started = EmbeddedBroker.start(port);
        source.override("mqtt.broker", started.uri(), "--broker embedded");
        return started;
    }

    /** Null when a fleet can use {@code brokers}; the fleet runs over tcp:// only. */
    public static String fleetProblemWith(String[] brokers) {
        for (String b : brokers) {
            if (b.startsWith("ssl://")) {
                return "--devices runs pots over tcp:// only, and " + b + " is TLS. Fix: run a TLS pot"
                        + " on its own (without --devices), or point the fleet at a plain listener";
            }
        }
        return null;
    }
}
