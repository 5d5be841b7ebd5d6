package dev.smartpot.device.power;

import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionSetup;
import dev.smartpot.device.mqtt.RoundTripCounter;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.protocol.ReadingEncoder;
import dev.smartpot.protocol.ResultFields;
import dev.smartpot.protocol.WakePhases;
import dev.smartpot.protocol.WireOut;

/**
 * The phases of one deep-sleep wake, by the board's clock: the sensor reading, the WiFi join, the MQTT connect (with
 * its session steps), publishing the queued readings and listening for commands; the boot is modelled
 * ({@link EnergyModel}). Also the energy report built on them, for the log and the {@code status} command.
 */
public final class WakeTimes {

    private final int publishEvery;
    private final long intervalMillis;
    private final int capacityMah;
    private final RoundTripCounter roundTrips;
    private final LinkSupervisor link;
    private final SessionSetup session;
    public long readMillis;
    public long joinMillis;
    public long connectMillis;
    public long publishMillis;
    public long listenMillis;
    public int readingsSent;
    private boolean published;
    private final WakePhases phases = new WakePhases();

    /**
     * @param roundTrips counts this boot's exchanges with the broker
     * @param link tells whether the join took the saved access point
     * @param session tells whether the broker kept the session
     */
    public WakeTimes(int publishEvery, long intervalMillis, int capacityMah, RoundTripCounter roundTrips, LinkSupervisor link,
            SessionSetup session) {
        this.roundTrips = roundTrips;
        this.link = link;
        this.session = session;
        this.publishEvery = publishEvery;
        this.intervalMillis = intervalMillis;
        this.capacityMah = capacityMah;
    }

    /** The phases after the boot and the join: what our code and the broker cost, not the radio's association. */
    public long connectedMillis() {
        return connectMillis + publishMillis + listenMillis;
    }

    /**
     * This wake's phases for its asleep status, up to now.
     *
     * @param boot the boot counter
     * @param seq the seq of the wake's own reading
     * @param reset why the chip started
     * @param bootMillis the boot's measured length, or -1 for the modelled one
     * @param awakeSinceStart ms from the wake's start (after the boot) to now
     * @param listenedMillis ms listened for commands after the publish, -1 when it did not publish
     */
    public WakePhases phases(int boot, long seq, String reset, long bootMillis, long awakeSinceStart, long listenedMillis) {
        phases.clear();
        phases.boot = boot;
        phases.seq = seq;
        phases.reset = reset;
        phases.bootModelled = bootMillis < 0;
        phases.bootMillis = phases.bootModelled ? EnergyModel.BOOT_MILLIS : bootMillis;
        phases.readMillis = readMillis;
        phases.wifiMillis = joinMillis;
        phases.mqttMillis = connectMillis;
        if (listenedMillis >= 0) {
            phases.publishMillis = publishMillis;
            phases.readings = readingsSent;
            phases.listenMillis = listenedMillis;
        }
        phases.awakeMillis = phases.bootMillis + awakeSinceStart;
        phases.roundTrips = roundTrips.count();
        return phases;
    }

    public void published(boolean value) {
        published = value;
    }

    /**
     * {@code wake: awake 1045 ms = boot 300 (modelled) + read 2 + WiFi join 300 + MQTT connect 12 + ...; 6 round trips
     * to the broker (session kept, no SUBSCRIBE; WiFi: saved access point)}.
     */
    public LogLine describe(LogLine line) {
        line.append("awake ").append(EnergyModel.BOOT_MILLIS + readMillis + (published ? joinMillis + connectedMillis() : 0))
                .append(" ms = boot ").append(EnergyModel.BOOT_MILLIS).append(" (modelled) + read ").append(readMillis);
        if (published) {
            line.append(" + WiFi join ").append(joinMillis).append(" + MQTT connect ").append(connectMillis)
                    .append(" + publish ").append(publishMillis).append(" (").append(readingsSent).append(" readings) + listen ")
                    .append(listenMillis).append("; ").append(roundTrips.count()).append(" round trips to the broker (")
                    .append(session.kept() ? "session kept, no SUBSCRIBE" : "session set up")
                    .append(link.lastJoinHinted() ? "; WiFi: saved access point" : "").append(')');
        }
        return line;
    }

    /**
     * {@code energy: 48.2 mAs per publishing wake, 12.1 mAs per reading-only wake, 10 µA asleep; mean 26 µA: about
     * 131.4 months on 2500 mAh}; from this wake's figures when it published, else from the model's reading wake.
     */
    public LogLine describeEnergy(LogLine line) {
        long reading = EnergyModel.readingWakeCharge(readMillis);
        long publishing = EnergyModel.publishingWakeCharge(readMillis, joinMillis + connectedMillis());
        long mean = EnergyModel.meanMicroamps(reading, publishing, publishEvery, intervalMillis);
        long hours = EnergyModel.lifeHours(capacityMah, mean);
        line.append("energy (ESP32 datasheet currents, bare module): ").appendTenths((int) (publishing / 100000))
                .append(" mAs per publishing wake, ").appendTenths((int) (reading / 100000)).append(" mAs per reading-only wake, ")
                .append(EnergyModel.DEEP_SLEEP_MICROAMPS).append(" uA asleep; mean ").append(mean).append(" uA with a publish every ")
                .append(publishEvery).append(" readings: about ").appendTenths(EnergyModel.tenthsOfMonths(hours))
                .append(" months on ").append(capacityMah).append(" mAh");
        return line;
    }

    /** The report as JSON fields, for the {@code status} reply. */
    public void appendJson(dev.smartpot.device.text.PayloadBuffer out) {
        long reading = EnergyModel.readingWakeCharge(readMillis);
        long publishing = EnergyModel.publishingWakeCharge(readMillis, joinMillis + connectedMillis());
        long mean = EnergyModel.meanMicroamps(reading, publishing, publishEvery, intervalMillis);
        out.append('{');
        ReadingEncoder.name(out, ResultFields.BOOT_MS_MODELLED).append(EnergyModel.BOOT_MILLIS);
        field(out, ResultFields.READ_MS).append(readMillis);
        field(out, ResultFields.WIFI_JOIN_MS).append(joinMillis);
        field(out, ResultFields.MQTT_CONNECT_MS).append(connectMillis);
        field(out, ResultFields.PUBLISH_MS).append(publishMillis);
        field(out, ResultFields.LISTEN_MS).append(listenMillis);
        field(out, ResultFields.ROUND_TRIPS).append(roundTrips.count());
        field(out, ResultFields.SESSION_KEPT).append(session.kept() ? "true" : "false");
        field(out, ResultFields.WIFI_SAVED_ACCESS_POINT).append(link.lastJoinHinted() ? "true" : "false");
        field(out, ResultFields.PUBLISHING_WAKE_UAMS).append(publishing);
        field(out, ResultFields.READING_WAKE_UAMS).append(reading);
        field(out, ResultFields.MEAN_UA).append(mean);
        field(out, ResultFields.BATTERY_MAH).append(capacityMah);
        field(out, ResultFields.LIFE_MONTHS).appendTenths(EnergyModel.tenthsOfMonths(EnergyModel.lifeHours(capacityMah, mean)));
        out.append('}');
    }

    /** {@code ,"name":} */
    private static WireOut field(WireOut out, String name) {
        return ReadingEncoder.name(out.append(','), name);
    }
}
