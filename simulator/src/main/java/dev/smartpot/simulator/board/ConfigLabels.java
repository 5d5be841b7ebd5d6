package dev.smartpot.simulator.board;

import java.nio.file.Path;

import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.config.ConfigSource;

/**
 * Where a simulated pot's settings come from, in the words of the person who typed the command: a flag
 * ({@code --interval 1s}), the config file and its line, or a default; saved settings live in a file beside the config.
 */
public final class ConfigLabels implements SettingLabels {

    /** How {@code SimulatorSettings} marks a flag's value: "command line --interval". */
    private static final String FLAG = "command line ";

    private final ConfigSource source;
    private final String savedIn;

    public ConfigLabels(ConfigSource source, Path savedSettingsFile) {
        this.source = source;
        this.savedIn = savedSettingsFile.toString();
    }

    @Override
    public String configOrigin(String key) {
        ConfigSource.Entry entry = source.get(key);
        if (entry == null) {
            return "the default (" + source.origin() + " sets no " + key + ")";
        }
        if (entry.line > 0) {
            return "the config file " + entry.where();
        }
        if (entry.origin.startsWith(FLAG)) {
            return entry.origin.substring(FLAG.length()) + " " + entry.value;
        }
        return entry.origin;
    }

    @Override
    public String savedIn() {
        return savedIn;
    }
}
