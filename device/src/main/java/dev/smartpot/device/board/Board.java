package dev.smartpot.device.board;

/**
 * Everything a board provides to the core, wired once by each runtime's composition root.
 * Build with {@link #builder()}; every part is required except the optional ones noted.
 */
public final class Board {

    public final WifiLink wifi;
    public final AnalogInput soilSensor;
    public final ChipId chipId;
    public final Clock clock;
    public final Sleeper sleeper;
    public final Log log;
    public final Rebooter rebooter;
    /** Optional: without one, settings changed by commands last until the next reboot. */
    public final SettingsStore settingsStore;
    /** Optional: null on a board without a pump. */
    public final Pump pump;
    /** Optional: the runtime's advice added to the core's fixes; none on a board. */
    public final FixHints fixHints;
    /** Optional: memory that outlives a reset (the queue, seq, boot counter); without it each boot starts afresh. */
    public final RetainedMemory retainedMemory;
    /** Optional: flash for the sequence mark that bounds what a power cut loses (NVS on a board, a file on the desktop). */
    public final SettingsStore markStore;
    /** Optional: required by {@code power.mode = deep-sleep}. */
    public final DeepSleep deepSleep;
    /** Optional: commands typed at the pot itself; without one, commands come from the mothership only. */
    public final ConsoleInput console;
    /** Optional: where settings come from in the runtime's words; a board's own by default. */
    public final SettingLabels settingLabels;
    /** Optional: the ADC channel on {@code battery.adc.pin}'s divider; null when the board reads no battery voltage. */
    public final AnalogInput batteryInput;
    /** Optional: the boot's measured length and reset reason; without it a wake reports the core's model. */
    public final BootReport bootReport;

    private Board(Builder b) {
        wifi = required(b.wifi, "wifi");
        soilSensor = required(b.soilSensor, "soilSensor");
        chipId = required(b.chipId, "chipId");
        clock = required(b.clock, "clock");
        sleeper = required(b.sleeper, "sleeper");
        log = required(b.log, "log");
        rebooter = required(b.rebooter, "rebooter");
        settingsStore = b.settingsStore != null ? b.settingsStore : new MemorySettingsStore();
        pump = b.pump;
        fixHints = b.fixHints != null ? b.fixHints : FixHints.NONE;
        retainedMemory = b.retainedMemory;
        markStore = b.markStore;
        deepSleep = b.deepSleep;
        console = b.console;
        settingLabels = b.settingLabels != null ? b.settingLabels : SettingLabels.BOARD;
        batteryInput = b.batteryInput;
        bootReport = b.bootReport;
    }

    /** This board with another rebooter (the core's, which keeps its state first). */
    public Board withRebooter(Rebooter other) {
        Builder b = new Builder();
        b.wifi = wifi;
        b.soilSensor = soilSensor;
        b.chipId = chipId;
        b.clock = clock;
        b.sleeper = sleeper;
        b.log = log;
        b.rebooter = other;
        b.settingsStore = settingsStore;
        b.pump = pump;
        b.fixHints = fixHints;
        b.retainedMemory = retainedMemory;
        b.markStore = markStore;
        b.deepSleep = deepSleep;
        b.console = console;
        b.settingLabels = settingLabels;
        b.batteryInput = batteryInput;
        b.bootReport = bootReport;
        return new Board(b);
    }

    private static <T> T required(T part, String name) {
        if (part == null) {
            throw new IllegalArgumentException("Board." + name + " is missing: call builder()." + name + "(...) before build()");
        }
        return part;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the board's parts. */
    public static final class Builder {
        WifiLink wifi;
        AnalogInput soilSensor;
        ChipId chipId;
        Clock clock;
        Sleeper sleeper;
        Log log;
        Rebooter rebooter;
        SettingsStore settingsStore;
        Pump pump;
        FixHints fixHints;
        RetainedMemory retainedMemory;
        SettingsStore markStore;
        DeepSleep deepSleep;
        ConsoleInput console;
        SettingLabels settingLabels;
        AnalogInput batteryInput;
        BootReport bootReport;

        public Builder wifi(WifiLink v) { wifi = v; return this; }
        public Builder soilSensor(AnalogInput v) { soilSensor = v; return this; }
        public Builder chipId(ChipId v) { chipId = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder sleeper(Sleeper v) { sleeper = v; return this; }
        public Builder log(Log v) { log = v; return this; }
        public Builder rebooter(Rebooter v) { rebooter = v; return this; }
        public Builder settingsStore(SettingsStore v) { settingsStore = v; return this; }
        public Builder pump(Pump v) { pump = v; return this; }
        public Builder fixHints(FixHints v) { fixHints = v; return this; }
        public Builder retainedMemory(RetainedMemory v) { retainedMemory = v; return this; }
        public Builder markStore(SettingsStore v) { markStore = v; return this; }
        public Builder deepSleep(DeepSleep v) { deepSleep = v; return this; }
        public Builder console(ConsoleInput v) { console = v; return this; }
        public Builder settingLabels(SettingLabels v) { settingLabels = v; return this; }
        public Builder bootReport(BootReport v) { bootReport = v; return this; }
        public Builder batteryInput(AnalogInput v) { batteryInput = v; return this; }

        public Board build() {
            return new Board(this);
        }
    }
}
