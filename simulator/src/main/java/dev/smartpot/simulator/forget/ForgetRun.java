package dev.smartpot.simulator.forget;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * {@code scripts/simulate --forget}: removes what a pot, or a fleet, left on its brokers (retained status, Home
 * Assistant discovery configs, a kept session), says what it removed, and exits. Pots still running would only
 * put it back, and connecting with their ids knocks them off: stop them first.
 */
public final class ForgetRun {

    /** Up to this many pots each get a line of their own; a larger fleet gets the totals. */
    private static final int LINE_PER_POT_UP_TO = 10;

    private final PrintStream out;
    private final PrintStream err;

    public ForgetRun(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param clientIds the pots' client ids, as the run with the same flags would give them
     * @param transports a new client per pot (Paho for one pot, with TLS; HiveMQ's for a fleet)
     * @return the exit code: 0 done, 1 a broker could not be reached or refused the pots
     */
    public int run(DeviceConfig config, List<String> clientIds, Supplier<MqttTransport> transports) {
        for (String broker : config.brokers) {
            if (clientIds.size() > LINE_PER_POT_UP_TO) {
                out.println("simulate: --forget: connecting to " + broker + " as each of " + clientIds.size() + " pots in turn...");
            }
            int statuses = 0;
            int abouts = 0;
            int configs = 0;
            for (String clientId : clientIds) {
                PotTraces.Removed removed;
                try {
                    removed = new PotTraces(config, clientId).forget(transports.get(), broker);
                } catch (MqttTransportException e) {
                    err.println("simulate: --forget could not " + (e.kind() == MqttTransportException.REFUSED ? "log in to " : "reach ")
                            + broker + " as " + clientId + ": " + e.getMessage() + ". Fix: " + fix(e));
                    return 1;
                }
                statuses += removed.status() != null ? 1 : 0;
                abouts += removed.about() != null ? 1 : 0;
                configs += removed.configs().size();
                if (clientIds.size() <= LINE_PER_POT_UP_TO) {
                    out.println("simulate: --forget: " + clientId + " on " + broker + ": " + describe(removed, config));
                }
            }
            out.println("simulate: --forget: " + clientIds.size() + (clientIds.size() == 1 ? " pot" : " pots") + " on " + broker
                    + ": removed " + statuses + " retained " + (statuses == 1 ? "status" : "statuses") + ", " + abouts
                    + (abouts == 1 ? " about" : " abouts") + " and " + configs
                    + " Home Assistant " + (configs == 1 ? "config" : "configs") + "; connected once with a clean session, which"
                    + " ends any session the broker kept");
        }
        return 0;
    }

    private static String describe(PotTraces.Removed removed, DeviceConfig config) {
        if (!removed.looked()) {
            return "cleared its status " + config.statusTopicFor(removed.clientId()) + ", its about and its Home Assistant configs under "
                    + config.homeAssistant.prefix + "/ (the broker does not let the pot read them back, so what was there is"
                    + " not known)";
        }
        if (removed.count() == 0) {
            return "nothing retained";
        }
        StringBuilder line = new StringBuilder("removed");
        if (removed.status() != null) {
            line.append(" status ").append(config.statusTopicFor(removed.clientId())).append(" (\"").append(removed.status()).append("\")");
        }
        if (removed.about() != null) {
            line.append(removed.status() != null ? "," : "").append(" its about");
        }
        if (!removed.configs().isEmpty()) {
            line.append(removed.status() != null || removed.about() != null ? " and" : "").append(" ").append(removed.configs().size())
                    .append(" Home Assistant ").append(removed.configs().size() == 1 ? "config" : "configs").append(" ")
                    .append(removed.configs());
        }
        return line.toString();
    }

    private static String fix(MqttTransportException e) {
        if (e.kind() == MqttTransportException.REFUSED) {
            return "use the config file the pots ran with (--config), whose mqtt.username/mqtt.password log them in";
        }
        return "start the broker the pots used (scripts/broker), or name it with --broker URI";
    }
}
