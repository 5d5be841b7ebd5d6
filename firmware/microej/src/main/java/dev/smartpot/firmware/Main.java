package dev.smartpot.firmware;

import java.io.IOException;
import java.io.InputStream;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.firmware.board.BonClock;
import dev.smartpot.firmware.board.EcomWifiLink;
import dev.smartpot.firmware.board.EjDeviceChipId;
import dev.smartpot.firmware.board.Esp32AdcInput;
import dev.smartpot.firmware.board.Esp32Rebooter;
import dev.smartpot.firmware.board.MonitorSleeper;
import dev.smartpot.firmware.board.NvsSettingsStore;
import dev.smartpot.firmware.board.SystemOutLog;
import dev.smartpot.firmware.mqtt.MicroPahoMqttTransport;

/**
 * The firmware's entry point ({@code applicationEntryPoint} in build.gradle.kts): reads the board configuration,
 * wires the ESP32 adapters to the portable core ({@code device/src/main/java}, compiled into this application
 * unchanged) and runs the device loop on this thread forever.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Log log = new SystemOutLog();
        Settings settings = load(log);
        if (settings == null) {
            idle();
            return;
        }
        Board board = Board.builder()
                .wifi(new EcomWifiLink(log))
                .soilSensor(new Esp32AdcInput(settings.board.adcPin, settings.device.adcBits))
                .chipId(new EjDeviceChipId())
                .clock(new BonClock())
                .sleeper(new MonitorSleeper())
                .log(log)
                .rebooter(new Esp32Rebooter(log))
                .settingsStore(new NvsSettingsStore())
                // battery.adc.pin: the divider's ADC1 input, always converted at 12 bits (BatteryConfig's scale).
                .batteryInput(settings.board.batteryPin >= 0 ? new Esp32AdcInput(settings.board.batteryPin, 12) : null)
                .build();
        log.info("board " + settings.board.board + " (" + settings.board.chip + "), soil sensor on GPIO "
                + settings.board.adcPin + " (ADC1 channel " + settings.board.adcChannel + ")"
                + (settings.board.batteryPin >= 0 ? ", battery divider on GPIO " + settings.board.batteryPin : ""));
        new PotNode(settings.device, board, new MicroPahoMqttTransport(log)).run();
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
