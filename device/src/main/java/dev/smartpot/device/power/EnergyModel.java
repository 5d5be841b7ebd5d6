package dev.smartpot.device.power;

/**
 * What a wake costs a battery, from the phases measured by {@link WakeTimes} and the currents of the ESP32 Series
 * Datasheet (Espressif): Wi-Fi receiving 95 to 100 mA, transmitting up to 240 mA (802.11b at 19.5 dBm), the CPU
 * running with the radio off ("modem-sleep") 20 to 68 mA, deep sleep with the RTC timer and RTC memory 10 µA. Those
 * are a bare module's figures: a development board's USB bridge and regulator draw milliamps all the time.
 *
 * <p>Modelled, not measured: the boot (the datasheet gives no boot time; {@value #BOOT_MILLIS} ms from wake to our
 * first line is assumed) at {@value #CPU_MILLIAMPS} mA, and the radio's average while connected at
 * {@value #RADIO_MILLIAMPS} mA (receiving at 100 mA with transmit peaks of 240 mA a tenth of the time). Charges are
 * kept in microampere-milliseconds, so the sums stay whole numbers.
 */
public final class EnergyModel {

    public static final long BOOT_MILLIS = 300;
    public static final int CPU_MILLIAMPS = 40;
    public static final int RADIO_MILLIAMPS = 114;
    public static final int RX_MILLIAMPS = 100;
    public static final int TX_PEAK_MILLIAMPS = 240;
    public static final int DEEP_SLEEP_MICROAMPS = 10;
    private static final long MILLIS_PER_HOUR = 3600000L;

    private EnergyModel() {
    }

    /** µA·ms of a wake that only reads the sensor: the boot and the reading on the CPU alone. */
    public static long readingWakeCharge(long readMillis) {
        return (BOOT_MILLIS + readMillis) * CPU_MILLIAMPS * 1000L;
    }

    /** µA·ms of a publishing wake: the boot on the CPU, then the radio for everything after it. */
    public static long publishingWakeCharge(long readMillis, long radioMillis) {
        return readingWakeCharge(readMillis) + radioMillis * RADIO_MILLIAMPS * 1000L;
    }

    /**
     * The mean current in µA over one cycle of {@code publishEvery} readings {@code intervalMillis} apart: the wakes'
     * charge spread over the cycle, plus deep sleep's current.
     */
    public static long meanMicroamps(long readingWake, long publishingWake, int publishEvery, long intervalMillis) {
        long cycleCharge = (publishEvery - 1) * readingWake + publishingWake;
        return cycleCharge / (publishEvery * intervalMillis) + DEEP_SLEEP_MICROAMPS;
    }

    /** Hours a battery of {@code capacityMah} lasts at {@code meanMicroamps} (no derating: see the docs). */
    public static long lifeHours(int capacityMah, long meanMicroamps) {
        return capacityMah * 1000L / Math.max(1, meanMicroamps);
    }

    /** Tenths of a month (30.4 days) in {@code hours}. */
    public static int tenthsOfMonths(long hours) {
        return (int) (hours * 10 / (24 * 304 / 10));
    }

    static long hours(long millis) {
        return millis / MILLIS_PER_HOUR;
    }
}
