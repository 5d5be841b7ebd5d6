package dev.smartpot.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.host.SecretFilePermissions;
import dev.smartpot.simulator.board.FakeChipId;
import dev.smartpot.simulator.board.SimulatorConfig;

/** Device and world settings read from the config file in one pass, so every problem is reported together. */
public final class SimulatorSettings {

    public final DeviceConfig device;
    public final SimulatorConfig world;

    private SimulatorSettings(DeviceConfig device, SimulatorConfig world) {
        this.device = device;
        this.world = world;
    }

    public static SimulatorSettings read(ConfigSource source) throws ConfigException {
        ConfigReader reader = new ConfigReader(source);
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatorSettings(device, world);
    }

    /** The file's entries with {@code --interval} on top; warns on {@code err} about secrets others can read. */
    public static ConfigSource load(Path configFile, String interval, PrintStream err) throws IOException {
        ConfigSource source;
        try (InputStream file = Files.newInputStream(configFile)) {
            source = ConfigSource.read(file, configFile.toString());
        }
        if (interval != null) {
            source.override("publish.interval", interval, "command line --interval");
        }
        warnAboutReadableSecrets(configFile, source, err);
        return source;
    }

    /**
     * {@code --seed} and {@code --chip-id} on top of the file. A seed replaces the file's own {@code sim.chip.id}
     * too (with the id it derives), or the flag would change nothing a user sees.
     *
     * @return true when the flags picked another pot than the file's own (a chip id of its own)
     */
    public static boolean overrideIdentity(ConfigSource source, String seed, String chipId) {
        String own = chipIdOf(source);
        if (seed != null) {
            source.override("sim.seed", seed, "command line --seed");
            if (chipId == null && source.get("sim.chip.id") != null) {
                source.override("sim.chip.id", mac(FakeChipId.fromSeed(seed).uniqueId()), "command line --seed");
            }
        }
        if (chipId != null) {
            source.override("sim.chip.id", chipId, "command line --chip-id");
        }
        return !own.equals(chipIdOf(source));
    }

    /** The chip id {@code source} gives the pot, as text: {@code sim.chip.id} as written, else derived from the seed. */
    private static String chipIdOf(ConfigSource source) {
        ConfigSource.Entry chip = source.get("sim.chip.id");
        if (chip != null) {
            byte[] parsed = FakeChipId.parseMac(chip.value);
            return parsed == null ? chip.value : mac(parsed);
        }
        ConfigSource.Entry seed = source.get("sim.seed");
        return mac(FakeChipId.fromSeed(seed == null ? SimulatorConfig.DEFAULT_SEED : seed.value).uniqueId());
    }

    private static String mac(byte[] id) {
        StringBuilder text = new StringBuilder();
        for (byte b : id) {
            text.append(text.length() == 0 ? "" : ":").append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    /** Secrets other users can read are not secret: say so, with the fix. */
    private static void warnAboutReadableSecrets(Path configFile, ConfigSource source, PrintStream err) {
        ConfigSource.Entry password = source.get("mqtt.password");
        String warning = password == null || password.value.isEmpty() ? null
                : SecretFilePermissions.warning(configFile, "mqtt.password");
        ConfigSource.Entry key = source.get("mqtt.tls.key");
        String keyWarning = null;
        try {
            keyWarning = key == null || key.value.isEmpty() ? null
                    : SecretFilePermissions.warning(Path.of(key.value), "the private key of mqtt.tls.cert");
        } catch (InvalidPathException notAPath) {
            // Reported as a configuration problem when the TLS files are checked.
        }
        for (String w : new String[] {warning, keyWarning}) {
            if (w != null) {
                err.println("simulate: " + w);
            }
        }
    }

    public static void printProblems(PrintStream err, ConfigException e) {
        err.println("simulate: " + e.report("in the configuration", "nothing was started"));
    }
}
