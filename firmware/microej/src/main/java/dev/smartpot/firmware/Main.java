package dev.smartpot.firmware;

import java.io.IOException;
import java.io.InputStream;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.firmware.board.BonClock;
import dev.smartpot.firmware.board.EcomWifiLink;
import dev.smartpot.firmware.board.EjDeviceChipId;
import dev.smartpot.firmware.board.Esp32AdcInput;
import dev.smartpot.firmware.board.Esp32BootReport;
import dev.smartpot.firmware.board.Esp32DeepSleep;
import dev.smartpot.firmware.board.Esp32ResetReason;
import dev.smartpot.firmware.board.Esp32Rebooter;
import dev.smartpot.firmware.board.GpioPump;
import dev.smartpot.firmware.board.MonitorSleeper;
import dev.smartpot.firmware.board.NvsSettingsStore;
import dev.smartpot.firmware.board.RtcRetainedMemory;
import dev.smartpot.firmware.board.SystemOutLog;
import dev.smartpot.firmware.board.UartConsole;
import dev.smartpot.firmware.esp32.Esp32Natives;
import dev.smartpot.firmware.mqtt.MicroPahoMqttTransport;

/**
 * The firmware's entry point ({@code applicationEntryPoint} in build.gradle.kts): reads the board configuration,
 * wires the ESP32 adapters to the portable core ({@code device/src/main/java}, compiled into this application
 * unchanged) and runs it on this thread. Always on, the device loop runs forever. In deep sleep
 * ({@code power.mode = deep-sleep}) one boot is one wake, ending in {@code esp_deep_sleep_start}; the core keeps its
 * queue, {@code seq} and boot counter in RTC memory and its sequence mark in NVS in both modes.
 *
 * <p>On the board a restart or a deep sleep never returns: the next boot starts here again. Where they do return
 * (the MicroEJ Simulator's mocks, or a deep sleep the chip refused), this builds the core again from nothing, as the
 * next boot would.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // First: how long this boot took to reach Java (a wake's boot phase, for scripts/board-report).
        long startedMicros = Esp32Natives.microsSinceStart();
        Log log = new SystemOutLog();
        Settings settings = load(log);
        if (settings == null) {
            idle();
            return;
        }
        // The pump's pin first: whatever a reset left on it, the pump is off before anything else runs.
        GpioPump pump = pumpSwitchedOff(settings, log);
        log.info(Esp32ResetReason.describe(Esp32Natives.resetReason()));
        log.info("boot: Java main at " + startedMicros / 1000 + " ms after ESP-IDF started (esp_timer_get_time; the ROM and"
                + " the bootloader before it are not counted)");
        log.info("board " + settings.board.board + " (" + settings.board.chip + "), soil sensor on GPIO "
                + settings.board.adcPin + " (ADC1 channel " + settings.board.adcChannel + ")"
                + (settings.board.batteryPin >= 0 ? ", battery divider on GPIO " + settings.board.batteryPin : "")
                + (pump != null ? ", pump on GPIO " + settings.board.pumpPin + " (off; runs while "
                        + (settings.board.pumpActiveHigh ? "high" : "low") + ")" : ", no pump"));
        // Outside the loop: they are the board's, not one boot's (the natives hold nothing in Java).
        RtcRetainedMemory rtc = new RtcRetainedMemory();
        NvsSettingsStore settingsStore = NvsSettingsStore.settings();
        NvsSettingsStore markStore = NvsSettingsStore.sequenceMark();
        // Lines typed at the serial console run as commands, as in the simulator.
        UartConsole console = new UartConsole(log);
        console.start();
        // This chip boot's measured length and reset reason, for the first core's wake report only.
        Esp32BootReport chipBoot = new Esp32BootReport(startedMicros, Esp32Natives.resetReason());
        while (true) {
            runOneBoot(settings, log, rtc, settingsStore, markStore, pump, console, chipBoot);
            chipBoot = null;
            log.info("building the core again, as the board's next boot would");
        }
    }

    /** The pump with its pin driven off, or null when the board has none or its pin cannot be driven (logged). */
    static GpioPump pumpSwitchedOff(Settings settings, Log log) {
        if (settings.board.pumpPin < 0) {
            return null;
        }
        GpioPump pump = new GpioPump(settings.board, log);
        return pump.forceOff() ? pump : null;
    }

    /** One boot: the core built from nothing over the board's adapters, run until it reboots or sleeps. */
    static void runOneBoot(Settings settings, Log log, RtcRetainedMemory rtc, NvsSettingsStore settingsStore,
            NvsSettingsStore markStore, GpioPump pump, UartConsole console, Esp32BootReport chipBoot) {
        MonitorSleeper sleeper = new MonitorSleeper();
        console.wakes(sleeper);
        Board board = boardForOneBoot(settings, log, rtc, settingsStore, markStore, sleeper, pump, console, chipBoot);
        new PotNode(settings.device, board, new MicroPahoMqttTransport(log)).run();
    }

    /**
     * The board's parts for one boot: RTC memory, the NVS stores and the pump are the board's, shared by every boot.
     *
     * @param pump null on a board without one: the core then answers "water" with "this pot has no pump"
     * @param console the serial console, whose lines run as commands
     * @param chipBoot the chip boot's measured length and reset reason, null for a core built again in the same VM
     */
    static Board boardForOneBoot(Settings settings, Log log, RetainedMemory rtc, SettingsStore settingsStore,
            SettingsStore markStore, MonitorSleeper sleeper, GpioPump pump, UartConsole console, Esp32BootReport chipBoot) {
        EcomWifiLink wifi = new EcomWifiLink(log);
        return Board.builder()
                .wifi(wifi)
                .soilSensor(new Esp32AdcInput(settings.board.adcPin, settings.device.adcBits))
                .chipId(new EjDeviceChipId())
                .clock(new BonClock())
                .sleeper(sleeper)
                .log(log)
                .rebooter(new Esp32Rebooter(log))
                .settingsStore(settingsStore)
                .retainedMemory(rtc)
                .markStore(markStore)
                .pump(pump)
                .console(console)
                .deepSleep(new Esp32DeepSleep(log, sleeper, wifi, pump, settings.device.safety.pumpMaxRunMillis))
                // battery.adc.pin: the divider's ADC1 input, always converted at 12 bits (BatteryConfig's scale).
                .batteryInput(settings.board.batteryPin >= 0 ? new Esp32AdcInput(settings.board.batteryPin, 12) : null)
                .bootReport(chipBoot)
                .build();
    }

    /** The settings, or null after printing every problem (the board then waits to be flashed again). */
    static Settings load(Log log) {
        InputStream in = Settings.openResource();
        if (in == null) {
            log.error("no configuration: the resource " + Settings.RESOURCE + " is not in this firmware."
                    + " Build it with scripts/flash <board-config file>, which writes it from your board file.");
            return null;
        }
        try {
            try {
                return Settings.read(in, "board.properties");
            } finally {
                in.close();
            }
        } catch (ConfigException e) {
            log.error(e.report("in the board configuration", "fix the board file and flash again"));
        } catch (IOException e) {
            log.error("cannot read the board configuration: " + e.getMessage());
        }
        return null;
    }

    /** Nothing useful can run without a configuration; rebooting would only loop. */
    private static void idle() {
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                try {
                    forever.wait();
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
        }
    }
}
