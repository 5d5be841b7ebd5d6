package dev.smartpot.simulator.board;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.host.tls.TlsFiles;

/**
 * The simulated world around a pot ({@code sim.*} keys): its chip id, the access point in range, and the
 * soil. Read from the same file as the device's keys, through the same reader, so one pass reports all.
 */
public final class SimulatorConfig {

    /** The seed of a config that names none. */
    public static final String DEFAULT_SEED = "pot-1";

    /** Null when derived from {@link #seed}. */
    public final byte[] chipId;
    public final String seed;
    public final String accessPointSsid;
    public final String accessPointPassword;
    public final long wifiJoinDelayMillis;
    /** Joins take {@link dev.smartpot.simulator.board.WifiJoinModel}'s time for their path instead of the fixed delay. */
    public final boolean wifiJoinModelled;
    public final int accessPointChannel;
    public final double soilMoisturePercent;
    public final double soilDryingPercentPerHour;
    public final double sensorNoiseCounts;
    public final double sensorSpikeFraction;
    public final boolean knowsTime;
    /** In deep sleep, a sleep lasts its length divided by this in real time (the pot's clock still moves on by all of it). */
    public final long sleepSpeedup;
    /** The pot's VM stops dead at this age, as MicroEJ's evaluation VM does at 60 minutes; 0: no limit. */
    public final long vmLimitMillis;
    /** The simulated battery (with battery.adc.pin): its capacity and its charge at start. */
    public final long batteryMah;
    public final double batteryPercent;

    private SimulatorConfig(ConfigReader r, DeviceConfig device) {
        String mac = r.text("sim.chip.id", null);
        byte[] parsed = mac == null ? null : FakeChipId.parseMac(mac);
        if (mac != null && parsed == null) {
            r.problem("sim.chip.id", "is not a MAC address", "write 12 hex digits, e.g. a4:cf:12:b0:c0:de, or remove it to derive one from sim.seed");
        }
        chipId = parsed;
        seed = r.text("sim.seed", DEFAULT_SEED);
        accessPointSsid = r.text("sim.wifi.ap.ssid", device.wifiSsid == null ? "" : device.wifiSsid);
        accessPointPassword = r.secret("sim.wifi.ap.password", device.wifiPassword);
        wifiJoinDelayMillis = r.duration("sim.wifi.join.delay", 300, 0, 60000);
        wifiJoinModelled = r.bool("sim.wifi.join.model", false);
        accessPointChannel = (int) r.number("sim.wifi.ap.channel", 6, 1, 13);
        soilMoisturePercent = r.number("sim.soil.moisture", 60, 0, 100);
        soilDryingPercentPerHour = r.number("sim.soil.drying", 3, 0, 1000);
        sensorNoiseCounts = r.number("sim.sensor.noise", 6, 0, 500);
        sensorSpikeFraction = r.number("sim.sensor.spikes", 2, 0, 50) / 100.0;
        knowsTime = r.bool("sim.time.known", true);
        sleepSpeedup = r.number("sim.sleep.speedup", 1, 1, 1_000_000);
        vmLimitMillis = r.isSet("sim.vm.limit") && "0".equals(r.source().get("sim.vm.limit").value) ? 0
                : r.duration("sim.vm.limit", 0, 1000, 7 * 24 * 3600_000L);
        batteryMah = r.number("sim.battery.mah", device.batteryCapacityMah, 1, 1_000_000);
        batteryPercent = r.number("sim.battery.level", 100, 0, 100);
        if (device.brokers != null && java.util.Arrays.stream(device.brokers).anyMatch(b -> BrokerAddress.parse(b).isTls())) {
            // In the simulator the mqtt.tls.* names are files: an unusable one stops the start, like any bad value.
            TlsFiles.check(r, device.tls);
        }
    }

    public static SimulatorConfig read(ConfigReader reader, DeviceConfig device) {
        return new SimulatorConfig(reader, device);
    }
}
