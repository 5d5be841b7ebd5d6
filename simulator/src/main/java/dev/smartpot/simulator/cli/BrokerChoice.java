package dev.smartpot.simulator.cli;

import java.io.IOException;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.config.ConfigSource;

/**
 * Which broker a run uses, and why: {@code --broker} when given ("embedded", "config" or a broker), else the
 * file's {@code mqtt.broker} as written, else the embedded Moquette. The shipped template says
 * {@code mqtt.broker = embedded}, so a fresh clone (or an unedited copy) runs on the embedded broker.
 */
public final class BrokerChoice {

    public static final String EMBEDDED = "embedded";
    public static final String CONFIG = "config";

    private final String flag;
    private final int port;
    private boolean embedded;
    private String reason;

    /** @param flag {@code --broker}, null when not given */
    public BrokerChoice(String flag, int port) {
        this.flag = flag;
        this.port = port;
    }

    public boolean embedded() {
        return embedded;
    }

    /** Decides from the flag and the file; null when the choice fits the file, else what is wrong and its fix. */
    public String decide(ConfigSource source) {
        ConfigSource.Entry file = source.get("mqtt.broker");
        boolean fileNamesOne = file != null && !file.value.trim().isEmpty() && !file.value.trim().equals(EMBEDDED);
        if (EMBEDDED.equals(flag)) {
            embedded = true;
            reason = "embedded: forced by --broker embedded";
            if (fileNamesOne && file.value.trim().startsWith("ssl://")) {
                // The embedded broker speaks plain MQTT only: starting it would just fail on the TLS keys.
                return file.where() + ": mqtt.broker is a TLS broker (" + file.value.trim() + "), but --broker is"
                        + " embedded, which has no TLS. Fix: drop --broker embedded to use the file's broker,"
                        + " or pass --broker ssl://HOST:PORT";
            }
        } else if (flag != null && !flag.equals(CONFIG)) {
            reason = "from --broker";
        } else if (fileNamesOne) {
            reason = "from mqtt.broker in " + file.where() + "; --broker embedded runs the embedded one instead";
        } else {
            embedded = true;
            reason = "embedded: " + (file == null ? "the config names no broker; set mqtt.broker"
                    : file.where() + " says mqtt.broker = embedded; set a broker there") + " or pass --broker to use yours";
        }
        return null;
    }

    /** One banner line: the broker and why it was chosen. */
    public String describe(String brokerInUse) {
        return "simulate: broker " + brokerInUse + " (" + reason + ")";
    }

    /** Puts the chosen broker into {@code source}; the embedded one with a stand-in address until it runs. */
    public void applyTo(ConfigSource source) {
        if (embedded) {
            source.override("mqtt.broker", EmbeddedBroker.HOST + ":" + (port == 0 ? 1883 : port), "--broker embedded");
        } else if (flag != null && !flag.equals(CONFIG)) {
            source.override("mqtt.broker", flag, "command line --broker");
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
