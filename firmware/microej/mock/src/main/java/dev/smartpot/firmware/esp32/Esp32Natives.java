package dev.smartpot.firmware.esp32;

/**
 * The MicroEJ simulator's side of our SNI natives (a Mock: same class and methods, plain Java, run by the
 * simulator's HIL engine). The soil sensor drifts slowly from dry to wet and back, so the simulated pot
 * publishes changing moisture; {@code -Dsmartpot.mock.adc=2300} pins the counts instead.
 *
 * <p>A mock cannot restart the application, so {@code restart()} and {@code deepSleep} return, and the firmware's
 * {@code Main} then builds its core again from nothing, as the board does at its next boot; the RTC memory mock keeps
 * its region meanwhile, as RTC memory does. {@code deepSleep} first waits the time asleep (divided by
 * {@code -Dsmartpot.mock.sleep.speedup}, default 1: a 15-minute interval really waits 15 minutes; the pot's uptime
 * then differs from the board's by what was skipped). Every Simulator run starts as a power-on.
 */
public final class Esp32Natives {

    public static final int NOT_AN_ADC1_PIN = -1;
    public static final int FAIL = -2;
    /** ESP_ERR_INVALID_STATE. */
    private static final int INVALID_STATE = 0x103;

    private static final int DRY = 3200;
    private static final int WET = 1400;
    /** One dry-wet-dry swing every ten minutes. */
    private static final long PERIOD_MILLIS = 600000L;

    /** ESP_ERR_INVALID_ARG. */
    private static final int INVALID_ARG = 0x102;
    /** ESP_RST_POWERON. */
    private static final int POWER_ON = 1;

    private static final boolean[] configured = new boolean[49];
    private static final long start = System.currentTimeMillis();

    private Esp32Natives() {
    }

    public static int adc1Setup(int gpio) {
        int channel = gpio >= 32 && gpio <= 39 ? (gpio >= 36 ? gpio - 36 : gpio - 28)
                : gpio >= 1 && gpio <= 10 ? gpio - 1 : NOT_AN_ADC1_PIN;
        if (channel >= 0) {
            configured[gpio] = true;
        }
        return channel;
    }

    public static int adc1Read(int gpio) {
        if (gpio < 0 || gpio >= configured.length || !configured[gpio]) {
            return -INVALID_STATE;
        }
        String fixed = System.getProperty("smartpot.mock.adc");
        if (fixed != null) {
            return Integer.parseInt(fixed.trim());
        }
        double phase = ((System.currentTimeMillis() - start) % PERIOD_MILLIS) / (double) PERIOD_MILLIS;
        double wetness = 0.5 - 0.5 * Math.cos(2 * Math.PI * phase);
        return (int) Math.round(DRY - wetness * (DRY - WET));
    }

    public static String describeError(int result) {
        return result == FAIL ? "ESP_FAIL" : "esp_err_t 0x" + Integer.toHexString(-result);
    }

    public static void restart() {
        System.out.println("[mock] esp_restart(): on the board the chip restarts now; here the application builds its core again");
    }

    public static int resetReason() {
        return POWER_ON;
    }

    public static int deepSleep(long micros) {
        if (micros < 0) {
            return -INVALID_ARG;
        }
        long speedup = Math.max(1, Long.getLong("smartpot.mock.sleep.speedup", 1L));
        long millis = micros / 1000 / speedup;
        System.out.println("[mock] deep sleep for " + micros / 1000 + " ms: on the board the chip powers down and wakes as a"
                + " boot; here the Simulator waits " + millis + " ms, then the application builds its core again");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The Simulator starts nothing before Java: the time since this mock was loaded. */
    public static long microsSinceStart() {
        return (System.currentTimeMillis() - start) * 1000;
    }

    /** The Simulator's console: what its standard input holds now, without waiting for more. */
    public static int consoleRead(byte[] buf, int max) {
        try {
            int available = Math.min(System.in.available(), Math.min(max, buf.length));
            return available <= 0 ? 0 : Math.max(0, System.in.read(buf, 0, available));
        } catch (java.io.IOException e) {
            return -5;
        }
    }
}
