package dev.smartpot.tools;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.smartpot.device.config.BoardConfig;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.QueueLimits;
import dev.smartpot.device.text.Durations;
import dev.smartpot.host.SecretFilePermissions;

/**
 * Validates a board-config file exactly as the firmware will read it at boot (ConfigReader, DeviceConfig,
 * BoardConfig with the ADC1-pin rule, then unknown keys), and writes the resource the firmware embeds.
 *
 * <pre>
 *   BoardConfigCheck FILE [--write-resource OUT [--dry-run]]
 * </pre>
 * Exit 0: valid (a summary on stdout, and OUT written with the TLS files beside it, or with --dry-run only the plan
 * printed); 2: problems (each on stderr, nothing written); 64: bad arguments. Needs only the core, the host module's
 * PemFiles, OwnerOnlyFiles and the JDK, so scripts/flash can compile it with javac.
 */
public final class BoardConfigCheck {

    public static final int OK = 0;
    public static final int INVALID = 2;
    public static final int USAGE = 64;

    private BoardConfigCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String resource = null;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--write-resource") && i + 1 < args.length) {
                resource = args[++i];
            } else if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (args[i].startsWith("-") || file != null) {
                err.println("usage: BoardConfigCheck <board-config file> [--write-resource <out.properties> [--dry-run]]");
                return USAGE;
            } else {
                file = args[i];
            }
        }
        if (file == null || (dryRun && resource == null)) {
            err.println("usage: BoardConfigCheck <board-config file> [--write-resource <out.properties> [--dry-run]]");
            return USAGE;
        }
        ConfigSource source;
        try (InputStream in = new FileInputStream(file)) {
            source = ConfigSource.read(in, file);
        } catch (IOException e) {
            err.println(file + ": cannot read it (" + e.getMessage() + "); nothing was built or flashed."
                    + " Copy a template from board-config/ and fill it in.");
            return INVALID;
        }
        BoardConfig.applyBoardDefaults(source);
        ConfigReader reader = new ConfigReader(source);
        DeviceConfig device = DeviceConfig.read(reader);
        BoardConfig board = BoardConfig.read(reader);
        BoardTlsFiles.check(reader, device);
        DeepSleepQueue.check(reader, device);
        try {
            reader.finish();
        } catch (ConfigException e) {
            err.println(file + ": " + e.report(null, "nothing was built or flashed"));
            return INVALID;
        }
        if (resource == null) {
            // Said once, at validation (scripts/flash's first step), like scripts/simulate does for its config.
            String secrets = secretsIn(source);
            String warning = secrets == null ? null : SecretFilePermissions.warning(Path.of(file), secrets);
            if (warning != null) {
                err.println("flash: " + warning);
            }
        }
        out.println(file + " is valid:");
        out.println("  board      " + board.board + " (" + board.chip + "), soil sensor on GPIO " + board.adcPin
                + " = ADC1 channel " + board.adcChannel);
        if (board.batteryPin >= 0) {
            out.println("  battery    divider on GPIO " + board.batteryPin + " = ADC1 channel " + board.batteryChannel + ", ratio "
                    + device.battery.dividerThousandths / 1000.0 + ", warns below " + device.battery.lowMillivolts + " mV");
        }
        out.println("  WiFi       \"" + device.wifiSsid + "\" (" + (device.wifiPassword.isEmpty() ? "open" : "WPA2") + ")");
        out.println("  broker     " + String.join(", ", device.brokers) + (device.mqttUsername != null ? " as " + device.mqttUsername : ""));
        if (device.tls != null && device.tls.caCertificate != null) {
            out.println("  TLS        trusts the CA in " + device.tls.caCertificate + (device.tls.clientCertificate != null
                    ? "; client certificate " + device.tls.clientCertificate : "; no client certificate"));
        }
        out.println("  topics     publish " + device.publishTopic + ", subscribe " + device.subscribeTopic + ", status "
                + device.statusTopicTemplate);
        out.println("  readings   every " + (device.publishIntervalMillis / 1000.0) + " s; queue of " + device.queueCapacity
                + " readings (" + device.queueCapacity * QueueLimits.HEAP_BYTES_PER_READING + " bytes of heap)");
        out.println("  confirmed  " + (device.qos == 1 && !"text".equals(device.payloadFormat)
                ? "readings the broker has wait for the mothership's confirmation, at most " + Durations.format(device.ackWaitMillis)
                        + " (ack.wait)"
                : "by the broker's acknowledgement alone (" + (device.qos == 1 ? "payload.format = text" : "mqtt.qos = 0") + ")"));
        out.println("  power      " + (device.deepSleep ? "deep sleep between readings; WiFi and a publish every "
                + device.sleepPublishEvery + " readings; queue, seq and boot counter kept in RTC memory (newest "
                + DeepSleepQueue.readingsKept() + ")"
                : "always on (power.mode = deep-sleep for batteries); " + (device.vmRestartEveryMillis > 0
                        ? "restarts itself every " + Durations.format(device.vmRestartEveryMillis)
                                + " at a reading boundary (vm.restart.every: an evaluation VM stops after 60 minutes)"
                        : "no planned restart (vm.restart.every = 0: a production VEE Port)")));
        if (board.pumpPin >= 0) {
            out.println("  pump       on GPIO " + board.pumpPin + ", runs while " + (board.pumpActiveHigh ? "high" : "low") + ", "
                    + board.pumpFlowMlPerMinute + " ml/min, at most " + Durations.format(device.safety.pumpMaxRunMillis)
                    + " a watering (stopped by a hardware timer)");
        } else {
            out.println("  pump       none (pump.pin not set): \"water\" answers that this pot has no pump");
        }
        List<BoardTlsFiles.Embedded> tls = BoardTlsFiles.plan(device);
        if (resource != null) {
            Path packageFolder = Path.of(resource).getParent() == null ? Path.of("") : Path.of(resource).getParent();
            for (BoardTlsFiles.Embedded e : tls) {
                out.println("  embed      " + (dryRun ? "would copy " : "copied ") + e.from() + " -> " + BoardTlsFiles.target(e, packageFolder)
                        + (e.key().equals("mqtt.tls.key") ? " (as DER)" : "") + "; in the firmware " + e.key() + " = " + e.resource());
            }
            if (!tls.isEmpty()) {
                out.println("  embed      " + (dryRun ? "would list" : "listed") + " them in "
                        + packageFolder.resolve("tls.resources.list") + ", which the MicroEJ build embeds");
            }
            if (dryRun) {
                out.println("  would write " + resource);
                return OK;
            }
            try {
                BoardTlsFiles.embed(tls, packageFolder);
                writeResource(source, file, Path.of(resource), tls);
            } catch (IOException e) {
                err.println(resource + ": cannot write the firmware's configuration resource: " + e.getMessage());
                return INVALID;
            }
            out.println("  wrote      " + resource);
        }
        return OK;
    }

    /** "wifi.password", "mqtt.password", both joined by "and", or null: the secrets a board file holds. */
    private static String secretsIn(ConfigSource source) {
        String found = null;
        for (String key : new String[] {"wifi.password", "mqtt.password"}) {
            ConfigSource.Entry entry = source.get(key);
            if (entry != null && !entry.value.trim().isEmpty()) {
                found = found == null ? key : found + " and " + key;
            }
        }
        return found;
    }

    /**
     * The settings as the firmware reads them: every key once, comments dropped, and the {@code mqtt.tls.*} file
     * paths replaced by the names of the resources they were copied to. Holds secrets.
     */
    static void writeResource(ConfigSource source, String from, Path out, List<BoardTlsFiles.Embedded> tls) throws IOException {
        if (out.getParent() != null) {
            OwnerOnlyFiles.folder(out.getParent());
        }
        StringBuilder w = new StringBuilder();
        w.append("# Generated by scripts/flash from " + from + ". Holds the WiFi and MQTT passwords: never commit it.\n");
        for (String key : source.keys()) {
            String value = source.get(key).value;
            for (BoardTlsFiles.Embedded e : tls) {
                if (e.key().equals(key)) {
                    value = e.resource();
                }
            }
            w.append(key + " = " + value + "\n");
        }
        OwnerOnlyFiles.write(out, w.toString().getBytes(StandardCharsets.UTF_8));
    }
}
