package dev.smartpot.firmware;

import java.io.IOException;
import java.io.InputStream;

import dev.smartpot.device.config.BoardConfig;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;

/**
 * The board's configuration, read from the resource {@code scripts/flash} generated from a board-config file:
 * the same reader and rules as the desktop validator, so a file that passed there passes here.
 */
public final class Settings {

    /** Listed in {@code smartpot.resources.list}; written by {@code scripts/flash} before the build. */
    public static final String RESOURCE = "/dev/smartpot/firmware/board.properties";

    public final DeviceConfig device;
    public final BoardConfig board;

    private Settings(DeviceConfig device, BoardConfig board) {
        this.device = device;
        this.board = board;
    }

    /** Reads and checks every key, then reports unknown keys; throws with every problem found. */
    public static Settings read(InputStream in, String origin) throws IOException, ConfigException {
        ConfigSource source = ConfigSource.read(in, origin);
        BoardConfig.applyBoardDefaults(source);
        ConfigReader reader = new ConfigReader(source);
        DeviceConfig device = DeviceConfig.read(reader);
        BoardConfig board = BoardConfig.read(reader);
        reader.finish();
        return new Settings(device, board);
    }

    /** Opens {@link #RESOURCE}, or returns null when the firmware was built without it. */
    public static InputStream openResource() {
        return Settings.class.getResourceAsStream(RESOURCE);
    }
}
