package dev.smartpot.device.command;

import java.io.IOException;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.SensorConfig;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.text.Durations;
import dev.smartpot.protocol.CommandParser;

/**
 * The settings commands change (the interval and the calibration), kept in the board's
 * {@link SettingsStore} so they outlive a reconnect and a reboot.
 *
 * <p>The text is the config file's own syntax with the same keys. Next to each value it records what the
 * config file said when the command set it ({@code publish.interval.config = 5s}): a saved value wins
 * over the file only while the file still says that, so whoever changed a setting last, a person
 * editing the file or the mothership sending a command, is the one who is obeyed.
 */
public final class SavedSettings {

    static final String INTERVAL = "publish.interval";
    static final String DRY = "sensor.raw.dry";
    static final String WET = "sensor.raw.wet";
    static final String FROM_CONFIG = ".config";
    /** Beside a saved value: who set it ({@value #BY_CONSOLE} or, when absent, the mothership). */
    static final String BY = ".by";
    static final String BY_CONSOLE = "console";

    private static final String HEADER = "# Settings changed by commands (the mothership's, or typed at the pot). "
            + "Each wins over the config file while the\n"
            + "# file still has the value in its \".config\" line; without this file the configured values are used.\n";

    /** Whether a key of the saved file is a setting, not the note beside one (the value it replaced, who set it). */
    public static boolean isSetting(String key) {
        return INTERVAL.equals(key) || DRY.equals(key) || WET.equals(key);
    }

    private final SettingsStore store;
    private final DeviceConfig config;
    private final Log log;
    private final SettingLabels labels;
    private long intervalMillis;
    private int rawDry;
    private int rawWet;
    private boolean intervalSaved;
    private boolean calibrationSaved;
    private boolean intervalByConsole;
    private boolean calibrationByConsole;

    public SavedSettings(SettingsStore store, DeviceConfig config, Log log) {
        this(store, config, log, SettingLabels.BOARD);
    }

    /** @param labels where the configured values and the saved ones come from, for the lines that say which is used */
    public SavedSettings(SettingsStore store, DeviceConfig config, Log log, SettingLabels labels) {
        this.store = store;
        this.config = config;
        this.log = log;
        this.labels = labels;
        this.intervalMillis = config.publishIntervalMillis;
        this.rawDry = config.rawDry;
        this.rawWet = config.rawWet;
    }

    /** Reads what was saved and keeps what is still valid and still wins over the config file. Never throws. */
    public void load(MoistureScale scale) {
        String text;
        try {
            text = store.load();
        } catch (IOException e) {
            log.warn("saved settings could not be read from " + labels.savedIn() + " (" + e.getMessage()
                    + "); using the configured values");
            return;
        }
        if (text == null) {
            return;
        }
        ConfigSource saved = ConfigSource.parse(text, "saved settings");
        String configInterval = Durations.format(config.publishIntervalMillis);
        String interval = stillWins(saved, INTERVAL, configInterval);
        if (interval != null) {
            long millis = Durations.parseMillis(interval);
            if (millis < CommandParser.MIN_INTERVAL_MILLIS || millis > CommandParser.MAX_INTERVAL_MILLIS) {
                log.warn("saved " + INTERVAL + " = " + interval + " in " + labels.savedIn() + " is not a valid interval; using "
                        + configInterval + " from " + labels.configOrigin(INTERVAL));
            } else {
                intervalMillis = millis;
                intervalSaved = true;
                intervalByConsole = byConsole(saved, INTERVAL);
                log.info("using " + INTERVAL + " = " + Durations.format(millis) + setBy(intervalByConsole) + " instead of " + configInterval
                        + " from " + labels.configOrigin(INTERVAL));
            }
        }
        String dry = stillWins(saved, DRY, Integer.toString(config.rawDry));
        String wet = stillWins(saved, WET, Integer.toString(config.rawWet));
        if (dry != null || wet != null) {
            int newDry = dry != null ? counts(dry) : config.rawDry;
            int newWet = wet != null ? counts(wet) : config.rawWet;
            String problem = newDry < 0 || newWet < 0 ? "is not a number" : calibrationProblem(newDry, newWet, scale);
            if (problem != null) {
                log.warn("saved calibration dry " + dry + ", wet " + wet + " in " + labels.savedIn() + " " + problem
                        + "; using dry " + config.rawDry + ", wet " + config.rawWet + " from " + labels.configOrigin(DRY));
            } else {
                rawDry = newDry;
                rawWet = newWet;
                calibrationSaved = true;
                calibrationByConsole = byConsole(saved, DRY);
                scale.calibrate(rawDry, rawWet);
                log.info("using calibration dry " + rawDry + ", wet " + rawWet + setBy(calibrationByConsole) + " instead of dry " + config.rawDry
                        + ", wet " + config.rawWet + " from " + labels.configOrigin(DRY));
            }
        }
    }

    /** " set by the mothership (saved in ...)", or " typed at the pot's console (saved in ...)". */
    private String setBy(boolean console) {
        return (console ? " typed at the pot's console" : " set by the mothership") + " (saved in " + labels.savedIn() + ")";
    }

    private static boolean byConsole(ConfigSource saved, String key) {
        ConfigSource.Entry by = saved.get(key + BY);
        return by != null && BY_CONSOLE.equals(by.value.trim());
    }

    /**
     * The saved value of {@code key} if its recorded config value is still the configured one, else null: then the
     * configured value, changed since the mothership's command (a flag, an edited file), wins, and the line says so.
     */
    private String stillWins(ConfigSource saved, String key, String configValue) {
        ConfigSource.Entry value = saved.get(key);
        if (value == null) {
            return null;
        }
        ConfigSource.Entry baseline = saved.get(key + FROM_CONFIG);
        if (baseline == null || !baseline.value.equals(configValue)) {
            boolean console = byConsole(saved, key.equals(WET) ? DRY : key);
            log.info("using " + key + " = " + configValue + " from " + labels.configOrigin(key) + " instead of " + value.value
                    + setBy(console) + (baseline == null ? ": the saved value does not say which value it replaced"
                            : ": it differs from the " + baseline.value + " that command replaced"));
            return null;
        }
        return value.value;
    }

    private static int counts(String text) {
        if (text.length() == 0 || text.length() > 5) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Why these counts cannot be the calibration on this scale, or null. */
    static String calibrationProblem(int dry, int wet, MoistureScale scale) {
        String problem = SensorConfig.pointProblem(dry, scale);
        if (problem != null) {
            return "(dry " + problem + ")";
        }
        problem = SensorConfig.pointProblem(wet, scale);
        if (problem != null) {
            return "(wet " + problem + ")";
        }
        int least = SensorConfig.minimumSpan(scale.fullScale());
        if (Math.abs(dry - wet) < least) {
            return "(dry and wet are " + Math.abs(dry - wet) + " counts apart; at least " + least + " are needed)";
        }
        return null;
    }

    /**
     * Keeps a new interval; returns null once saved, or why it could not be (it then lasts until reboot).
     *
     * @param byConsole typed at the pot rather than sent by the mothership
     */
    public String saveInterval(long millis, boolean byConsole) {
        intervalMillis = millis;
        intervalSaved = true;
        intervalByConsole = byConsole;
        return save();
    }

    /**
     * Keeps a new calibration; returns null once saved, or why it could not be.
     *
     * @param byConsole typed at the pot rather than sent by the mothership
     */
    public String saveCalibration(int dry, int wet, boolean byConsole) {
        rawDry = dry;
        rawWet = wet;
        calibrationSaved = true;
        calibrationByConsole = byConsole;
        return save();
    }

    private String save() {
        StringBuilder text = new StringBuilder(HEADER);
        if (intervalSaved) {
            line(text, INTERVAL, Durations.format(intervalMillis), Durations.format(config.publishIntervalMillis));
            by(text, INTERVAL, intervalByConsole);
        }
        if (calibrationSaved) {
            line(text, DRY, Integer.toString(rawDry), Integer.toString(config.rawDry));
            line(text, WET, Integer.toString(rawWet), Integer.toString(config.rawWet));
            by(text, DRY, calibrationByConsole);
        }
        try {
            store.save(text.toString());
            return null;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("settings could not be saved (" + why + "); they last until the next reboot");
            return why;
        }
    }

    private static void line(StringBuilder text, String key, String value, String configValue) {
        text.append(key).append(" = ").append(value).append('\n');
        text.append(key).append(FROM_CONFIG).append(" = ").append(configValue).append('\n');
    }

    private static void by(StringBuilder text, String key, boolean console) {
        if (console) {
            text.append(key).append(BY).append(" = ").append(BY_CONSOLE).append('\n');
        }
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public int rawDry() {
        return rawDry;
    }

    public int rawWet() {
        return rawWet;
    }

    /** Whether the interval in use is a saved one (loaded, or set since by the mothership or at the console). */
    public boolean intervalSaved() {
        return intervalSaved;
    }

    /** Whether the calibration in use is a saved one (loaded, or set since by the mothership or at the console). */
    public boolean calibrationSaved() {
        return calibrationSaved;
    }

    /** Who set the saved values in use, in words: "the mothership", "the pot's console" or both. */
    public String setBy() {
        boolean console = (intervalSaved && intervalByConsole) || (calibrationSaved && calibrationByConsole);
        boolean mothership = (intervalSaved && !intervalByConsole) || (calibrationSaved && !calibrationByConsole);
        return console && mothership ? "the mothership and the pot's console" : console ? "the pot's console" : "the mothership";
    }
}
