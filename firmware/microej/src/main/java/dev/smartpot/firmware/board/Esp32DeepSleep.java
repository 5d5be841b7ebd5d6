package dev.smartpot.firmware.board;

import dev.smartpot.device.board.DeepSleep;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.firmware.esp32.Esp32Natives;

/**
 * The ESP32's deep sleep through our SNI native ({@code esp_sleep_enable_timer_wakeup}, {@code esp_deep_sleep_start}),
 * as ESP-IDF's sleep guide asks: a watering under way is let finish (the sleep would power its timer and pin down), then
 * WiFi is stopped ({@code esp_wifi_stop()}, through the network interface), then the chip sleeps. On the board
 * {@link #sleep} never returns and the wake is a boot, with RTC memory as the core left it. It returns in two cases, and
 * the caller ({@code Main}) then builds the core again as a wake would: on the MicroEJ Simulator, whose mock waits the
 * time instead; and on a board whose timer could not be armed, where it says so and waits the time awake rather than
 * losing the cycle.
 */
public final class Esp32DeepSleep implements DeepSleep {

    private final Log log;
    private final Sleeper awake;
    private final Radio radio;
    /** Null on a board without a pump. */
    private final GpioPump pump;
    private final long pumpMaxRunMillis;

    /**
     * @param awake how to wait when the chip cannot sleep deeply, and while a watering ends
     * @param pump null without one; a watering lasts at most {@code pumpMaxRunMillis}
     */
    public Esp32DeepSleep(Log log, Sleeper awake, Radio radio, GpioPump pump, long pumpMaxRunMillis) {
        this.log = log;
        this.awake = awake;
        this.radio = radio;
        this.pump = pump;
        this.pumpMaxRunMillis = pumpMaxRunMillis;
    }

    public void sleep(long millis) {
        long wait = Math.max(0, millis);
        if (pump != null && pump.isRunning()) {
            long waited = pump.awaitStopped(awake, pumpMaxRunMillis);
            log.info("deep sleep waited " + waited + " ms for the pump's watering to end");
            wait = Math.max(0, wait - waited);
        }
        radio.stop();
        int result = Esp32Natives.deepSleep(wait > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : wait * 1000);
        if (result < 0) {
            log.error("deep sleep refused (" + Esp32Natives.describeError(result) + "): waiting " + wait
                    + " ms awake instead, which costs the battery");
            awake.sleep(wait);
        }
    }
}
