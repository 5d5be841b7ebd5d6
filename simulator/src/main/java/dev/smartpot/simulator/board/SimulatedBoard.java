package dev.smartpot.simulator.board;

import java.util.function.Function;

import dev.smartpot.device.ClientIds;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.ChipId;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.DeepSleep;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.config.DeviceConfig;

/**
 * The desktop stand-in for one board, built in one place for a single pot and for a fleet pot: its chip id,
 * access point and soil (the world, which outlives a reboot) and, at each boot, the {@link Board} the core is
 * given. Only how a pot waits (its {@link Sleeper}) and what a reboot does differ between the two runtimes.
 * A board with {@link PotMemory} keeps RTC memory and the flash sequence mark across boots; a board in deep sleep
 * ({@code power.mode = deep-sleep}) runs on a {@link DeepSleepClock} that, like the RTC timer, outlives every wake.
 */
public final class SimulatedBoard {

    private final ChipId chipId;
    private final String clientId;
    private final FakeWlan wlan;
    private final SoilModelAdc soil;
    private final Log log;
    private final boolean knowsTime;
    /** What the board's clocks read and its waits pass on: the host's, or a test's manual time. */
    private final BoardTime time;
    private final SettingsStore settingsStore;
    /** Null: the core's own words for where settings come from. */
    private final SettingLabels settingLabels;
    /** Null without a pump; one for the board's life, so a reboot does not stop a watering under way. */
    private final TimedPump pump;
    private final PotMemory memory;
    /** The RTC timer of a pot in deep sleep, kept across wakes and reboots; null when the pot stays awake. */
    private final DeepSleepClock sleepClock;
    private volatile Clock bootClock;
    /** What is typed at the board's console; null for a board nobody types at (a fleet's). */
    private final ConsoleLines console;
    /** The simulated battery behind battery.adc.pin's divider; null without one. */
    private final BatteryModelAdc battery;
    /** Where the current wake started on the sleep clock, and the joins tried before it (for the battery's bill). */
    private long wakeStartedAt;
    private int joinsBeforeWake;

    private SimulatedBoard(Builder b) {
        this.chipId = b.chipId;
        this.clientId = ClientIds.fromChipId(chipId.uniqueId());
        this.wlan = b.wlan;
        this.soil = b.soil;
        this.log = b.logFor.apply(clientId);
        this.knowsTime = b.knowsTime;
        this.time = b.time;
        this.settingsStore = b.settingsStore;
        this.settingLabels = b.settingLabels;
        this.pump = b.pump ? new TimedPump(b.soil) : null;
        this.memory = b.memory;
        this.sleepClock = b.deepSleep ? new DeepSleepClock(time, knowsTime) : null;
        this.console = b.console ? new ConsoleLines() : null;
        this.battery = b.battery;
    }

    /**
     * The board of {@code scripts/simulate}'s one pot: chip id from {@code sim.chip.id} or {@code sim.seed}, the
     * configured access point with its join delay, the soil at {@code sim.soil.moisture}, and a pump.
     */
    public static Builder single(DeviceConfig config, SimulatorConfig world) {
        return single(config, world, BoardTime.HOST);
    }

    /** As {@link #single(DeviceConfig, SimulatorConfig)}, on {@code time}: its clocks, sleeps and joins pass on it. */
    public static Builder single(DeviceConfig config, SimulatorConfig world, BoardTime time) {
        ChipId chipId = singleChipId(world);
        SoilModelAdc soil = new SoilModelAdc(new SystemClock(time, false), world.seed.hashCode(), config.rawDry, config.rawWet,
                world.soilMoisturePercent, world.soilDryingPercentPerHour, world.sensorNoiseCounts, world.sensorSpikeFraction);
        FakeWlan wlan = new FakeWlan(world.accessPointSsid, world.accessPointPassword, world.wifiJoinDelayMillis, world.wifiJoinModelled,
                time);
        wlan.setAccessPointChannel(world.accessPointChannel);
        BatteryModelAdc battery = !config.battery.present() ? null : new BatteryModelAdc(config.battery, world.batteryMah,
                world.batteryPercent, config.deepSleep ? null : new SystemClock(time, false));
        return new Builder(chipId, wlan, soil, world.knowsTime, time).pump(true).deepSleep(config.deepSleep).console(true).battery(battery);
    }

    /**
     * Pot {@code index} of a fleet: chip id from {@code sim.seed-index}, an access point it joins at once (a join
     * would hold a scheduler thread), soil that starts within 15 points of {@code sim.soil.moisture}, and in deep
     * sleep the RTC clock that runs on across wakes, as the single pot's.
     */
    public static Builder fleetPot(DeviceConfig config, SimulatorConfig world, int index, SystemClock worldClock) {
        String seed = fleetPotSeed(world, index);
        double start = world.soilMoisturePercent + (Math.floorMod(seed.hashCode(), 31) - 15);
        SoilModelAdc soil = new SoilModelAdc(worldClock, seed.hashCode(), config.rawDry, config.rawWet,
                Math.max(0, Math.min(100, start)), world.soilDryingPercentPerHour, world.sensorNoiseCounts,
                world.sensorSpikeFraction);
        // In deep sleep the battery is billed per wake and sleep (sleptFor), as the single pot's.
        BatteryModelAdc battery = config.battery.present() ? new BatteryModelAdc(config.battery, world.batteryMah,
                world.batteryPercent, config.deepSleep ? null : worldClock) : null;
        return new Builder(FakeChipId.fromSeed(seed), new FakeWlan(world.accessPointSsid, world.accessPointPassword, 0),
                soil, world.knowsTime, BoardTime.HOST).deepSleep(config.deepSleep).battery(battery);
    }

    /** The single pot's chip: {@code sim.chip.id}, else derived from {@code sim.seed}. */
    public static ChipId singleChipId(SimulatorConfig world) {
        return world.chipId != null ? FakeChipId.of(world.chipId) : FakeChipId.fromSeed(world.seed);
    }

    /** Pot {@code index} (from 0) of a fleet is seeded {@code sim.seed-index}. */
    public static String fleetPotSeed(SimulatorConfig world, int index) {
        return world.seed + "-" + index;
    }

    /**
     * The board the core gets at one boot: the same world, a fresh clock (in deep sleep: the one clock that runs on)
     * and the runtime's sleeper and rebooter.
     */
    public Board boot(Sleeper sleeper, Rebooter rebooter) {
        return boot(sleeper, rebooter, null);
    }

    /**
     * As {@link #boot(Sleeper, Rebooter)}, and {@code deepSleep} is told how long the core means to sleep at the end
     * of a wake (only a board in deep sleep gets it). In deep sleep the clock is the one that runs on across wakes.
     */
    public Board boot(Sleeper sleeper, Rebooter rebooter, DeepSleep deepSleep) {
        return boot(sleeper, rebooter, deepSleep, null);
    }

    /** As {@link #boot(Sleeper, Rebooter, DeepSleep)}, on a VM whose run-time limit stops the clock's reader dead; null: none. */
    public Board boot(Sleeper sleeper, Rebooter rebooter, DeepSleep deepSleep, EvaluationVm vm) {
        wlan.leave();
        Clock clock = sleepClock != null ? sleepClock : new SystemClock(time, knowsTime);
        bootClock = clock;
        Board.Builder board = Board.builder()
                .wifi(wlan)
                .soilSensor(soil)
                .chipId(chipId)
                .clock(vm != null ? vm.guard(clock) : clock)
                .sleeper(sleeper)
                .log(log)
                .fixHints(DesktopFixHints.INSTANCE)
                .rebooter(rebooter);
        if (settingsStore != null) {
            board.settingsStore(settingsStore);
        }
        if (settingLabels != null) {
            board.settingLabels(settingLabels);
        }
        if (pump != null) {
            board.pump(pump);
        }
        if (memory != null) {
            board.retainedMemory(memory.rtc()).markStore(memory.mark());
        }
        if (sleepClock != null && deepSleep != null) {
            board.deepSleep(deepSleep);
        }
        if (console != null) {
            board.console(console);
        }
        if (battery != null) {
            board.batteryInput(battery);
        }
        wakeStartedAt = clock.uptimeMillis();
        joinsBeforeWake = wlan.joinAttempts();
        return board.build();
    }

    public String clientId() { return clientId; }

    /** The board's console input; null for a board without one. */
    public ConsoleLines console() { return console; }

    /** The board's pump, null if it has none. */
    public TimedPump pump() { return pump; }

    public ChipId chipId() { return chipId; }

    public FakeWlan wlan() { return wlan; }

    /** The clock of the latest boot (what its readings are due by); null before the first. */
    public Clock clock() { return bootClock; }

    public SoilModelAdc soil() { return soil; }

    public Log log() { return log; }

    /** RTC memory and the flash mark; null for a board that keeps nothing across boots. */
    public PotMemory memory() { return memory; }

    /** Whether the pot sleeps deeply between readings ({@code power.mode = deep-sleep}). */
    public boolean sleepsDeeply() {
        return sleepClock != null;
    }

    /** A deep sleep of {@code millis} on the pot's clock of which only {@code realMillis} were waited. */
    public void sleptFor(long millis, long realMillis) {
        if (sleepClock != null) {
            if (battery != null) {
                // The wake ended when the sleep began, realMillis ago; it used the radio if it tried to join.
                long awake = Math.max(0, sleepClock.uptimeMillis() - realMillis - wakeStartedAt);
                battery.drainWake(awake, wlan.joinAttempts() > joinsBeforeWake);
                battery.drainSleep(millis);
            }
            sleepClock.skip(millis - realMillis);
        }
    }

    /** The simulated battery, null without battery.adc.pin. */
    public BatteryModelAdc battery() { return battery; }

    /** What differs between pots of one kind: where they log and keep settings. */
    public static final class Builder {
        private final ChipId chipId;
        private final FakeWlan wlan;
        private final SoilModelAdc soil;
        private final boolean knowsTime;
        private final BoardTime time;
        private Function<String, Log> logFor = id -> new ConsoleLog(id, line -> { });
        private SettingsStore settingsStore;
        private SettingLabels settingLabels;
        private boolean pump;
        private PotMemory memory;
        private boolean deepSleep;
        private boolean console;
        private BatteryModelAdc battery;

        private Builder(ChipId chipId, FakeWlan wlan, SoilModelAdc soil, boolean knowsTime, BoardTime time) {
            this.time = time;
            this.chipId = chipId;
            this.wlan = wlan;
            this.soil = soil;
            this.knowsTime = knowsTime;
        }

        /** The log for this pot's client id (known once the chip id is). */
        public Builder log(Function<String, Log> logForClientId) {
            this.logFor = logForClientId;
            return this;
        }

        /** Where commands' settings are kept across reboots; none: the core's default (memory of one boot). */
        public Builder settingsStore(SettingsStore store) {
            this.settingsStore = store;
            return this;
        }

        /** Where the pot's settings come from, in the words of the person who ran it (flags, file, saved file). */
        public Builder settingLabels(SettingLabels labels) {
            this.settingLabels = labels;
            return this;
        }

        /** Whether the board has a pump (watering the simulated soil). */
        public Builder pump(boolean present) {
            this.pump = present;
            return this;
        }

        /** RTC memory and flash mark kept across boots (a reboot keeps the queue); none: the core's default. */
        public Builder memory(PotMemory kept) {
            this.memory = kept;
            return this;
        }

        /** Whether the pot sleeps deeply between readings: its clock then runs on across wakes. */
        public Builder deepSleep(boolean sleeps) {
            this.deepSleep = sleeps;
            return this;
        }

        /** Whether commands can be typed at the board's console. */
        public Builder console(boolean present) {
            this.console = present;
            return this;
        }

        /** The battery behind battery.adc.pin's divider; null for none. */
        public Builder battery(BatteryModelAdc model) {
            this.battery = model;
            return this;
        }

        public SimulatedBoard build() {
            return new SimulatedBoard(this);
        }
    }
}
