package dev.smartpot.simulator.board;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.board.Pump;

/**
 * A small pump that pours into the simulated soil and is stopped by a timer of its own, not by the device loop:
 * it runs for the time the amount needs at its flow rate, never longer than the core's maximum run time, even if
 * the pot's thread hangs or reboots meanwhile. The water reaches the soil when the pump stops.
 */
public final class TimedPump implements Pump {

    /** A strong aquarium pump; fast enough that a simulated watering shows within a reading or two. */
    public static final int FLOW_ML_PER_SECOND = 100;

    /** One timer thread for every simulated pump; a daemon, so it never keeps the simulator alive. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pump-timer");
        t.setDaemon(true);
        return t;
    });

    private final SoilModelAdc soil;
    private boolean running;
    private long lastRunMillis;

    public TimedPump(SoilModelAdc soil) {
        this.soil = soil;
    }

    @Override
    public synchronized void water(int millilitres, long maxRunMillis) throws IOException {
        if (running) {
            throw new IOException("the pump is still running from the last watering");
        }
        long needed = millilitres * 1000L / FLOW_ML_PER_SECOND;
        long runMillis = Math.max(1, Math.min(needed, maxRunMillis));
        running = true;
        TIMER.schedule(() -> stop(runMillis), runMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void stop(long ranMillis) {
        running = false;
        lastRunMillis = ranMillis;
        soil.water(ranMillis * FLOW_ML_PER_SECOND / 1000.0);
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** How long the last watering ran, as its timer stopped it. */
    public synchronized long lastRunMillis() {
        return lastRunMillis;
    }
}
