package dev.smartpot.simulator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.command.SavedSettings;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.text.Durations;
import dev.smartpot.simulator.board.FileSettingsStore;

/**
 * What a single pot's run says about the settings the mothership saved beside the config: which of them the pot
 * will use, and what {@code --fresh} set aside. {@code --fresh} moves the file to {@code <file>.old} rather than
 * deleting it (a user can rename it back), and never touches the readings the last run kept ({@code <config>.rtc}).
 */
public final class SavedSettingsNotice {

    private static final String FRESH_FLAG = "--fresh";

    private SavedSettingsNotice() {
    }

    /**
     * The banner line naming the saved settings the pot will use (the core's own rule decides, as at its start),
     * or null when it uses none.
     */
    public static String inUse(FileSettingsStore store, DeviceConfig device, SettingLabels labels) {
        SavedSettings probe = new SavedSettings(store, device, Log.SILENT, labels);
        probe.load(new MoistureScale(device.rawDry, device.rawWet, device.adcBits, device.sensor.rawMin, device.sensor.rawMax));
        List<String> used = new ArrayList<>();
        if (probe.intervalSaved()) {
            used.add("publish.interval = " + Durations.format(probe.intervalMillis()));
        }
        if (probe.calibrationSaved()) {
            used.add("sensor.raw.dry = " + probe.rawDry() + ", sensor.raw.wet = " + probe.rawWet());
        }
        if (used.isEmpty()) {
            return null;
        }
        return "simulate: saved settings in use: " + String.join(", ", used) + " (set by " + probe.setBy() + ", kept in " + store.file()
                + "; " + FRESH_FLAG + " starts without them)";
    }

    /**
     * {@code --fresh}: moves the saved settings aside so this run starts from the flags and the config file alone.
     *
     * @param rtcFile where the last run kept its queued readings: they are still sent
     * @return the lines to print
     */
    public static List<String> setAside(FileSettingsStore store, Path rtcFile) throws IOException {
        List<String> lines = new ArrayList<>();
        Path file = store.file();
        String text = store.load();
        if (text == null) {
            lines.add("simulate: " + FRESH_FLAG + ": no saved settings in " + file + "; starting from the flags and the config file");
        } else {
            Path old = file.resolveSibling(file.getFileName() + ".old");
            Files.move(file, old, StandardCopyOption.REPLACE_EXISTING);
            String values = values(text);
            lines.add("simulate: " + FRESH_FLAG + ": not using the settings commands saved in " + file
                    + (values.isEmpty() ? "" : " (" + values + ")") + "; moved them to " + old + " (rename it back to use them again)");
        }
        if (rtcFile != null && Files.exists(rtcFile)) {
            lines.add("simulate: " + FRESH_FLAG + " keeps what the last run left in " + rtcFile
                    + " (readings still queued, their sequence and boot counters): queued readings are still sent, never dropped");
        }
        return lines;
    }

    /** "publish.interval = 2s, ..." from the saved text, without the values they replaced. */
    private static String values(String text) {
        ConfigSource saved = ConfigSource.parse(text, "saved settings");
        List<String> values = new ArrayList<>();
        for (String key : saved.keys()) {
            if (SavedSettings.isSetting(key)) {
                values.add(key + " = " + saved.get(key).value);
            }
        }
        return String.join(", ", values);
    }
}
