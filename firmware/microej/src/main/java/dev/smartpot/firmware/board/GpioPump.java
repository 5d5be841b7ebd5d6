package dev.smartpot.firmware.board;

import java.io.IOException;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Pump;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.config.BoardConfig;
import dev.smartpot.firmware.esp32.Esp32Natives;
import dev.smartpot.firmware.esp32.PumpNatives;

/**
 * The pump on {@code pump.pin}: {@link #water} turns the amount into a run time at {@code pump.flow.ml_per_min}, capped
 * by the core's {@code maxRunMillis}, and hands it to the native, which arms a one-shot {@code esp_timer} and switches
 * the pin on. The stop is that timer's, on ESP-IDF's timer task: nothing on a Java thread, which a stalled loop or a
 * hung VM could hold up. {@link #forceOff} runs first at every boot.
 */
public final class GpioPump implements Pump {

    private final int gpio;
    private final int activeLevel;
    private final int flowMlPerMinute;
    private final Log log;

    public GpioPump(BoardConfig board, Log log) {
        this.gpio = board.pumpPin;
        this.activeLevel = board.pumpActiveHigh ? 1 : 0;
        this.flowMlPerMinute = board.pumpFlowMlPerMinute;
        this.log = log;
    }

    /**
     * Drives the pump's pin off (its first act after reading the configuration at boot: whatever a reset left on the
     * pin, the pump is off); returns false after logging why the pin could not be driven.
     */
    public boolean forceOff() {
        int result = PumpNatives.off(gpio, activeLevel);
        if (result < 0) {
            log.error("pump: GPIO " + gpio + " could not be driven off (" + Esp32Natives.describeError(result)
                    + "): this pot will not water. Check pump.pin in the board file");
            return false;
        }
        log.info("pump on GPIO " + gpio + " (runs while " + (activeLevel == 1 ? "high" : "low") + "), switched off");
        return true;
    }

    public void water(int millilitres, long maxRunMillis) throws IOException {
        long needed = (millilitres * 60000L + flowMlPerMinute - 1) / flowMlPerMinute;
        long runMillis = Math.max(1, Math.min(needed, maxRunMillis));
        int result = PumpNatives.run(runMillis * 1000);
        if (result == PumpNatives.STILL_RUNNING) {
            throw new IOException("the pump is still running from the last watering");
        }
        if (result < 0) {
            throw new IOException("the pump did not start (" + Esp32Natives.describeError(result) + ")");
        }
        log.info("pump on for " + runMillis + " ms (" + millilitres + " ml at " + flowMlPerMinute
                + " ml/min); the hardware timer stops it");
    }

    /** True while the pump runs. */
    public boolean isRunning() {
        return PumpNatives.running() == 1;
    }

    /**
     * Waits, at most {@code limitMillis}, for a watering under way to end: a deep sleep powers the timer and the pin
     * down, so it would cut the watering short. Returns how long it waited.
     */
    public long awaitStopped(Sleeper sleeper, long limitMillis) {
        long waited = 0;
        while (isRunning() && waited < limitMillis) {
            long step = Math.min(100, limitMillis - waited);
            sleeper.sleep(step);
            waited += step;
        }
        return waited;
    }
}
