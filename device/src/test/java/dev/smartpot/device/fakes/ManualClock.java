package dev.smartpot.device.fakes;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Sleeper;

/** Time that moves only when a test (or the device's own sleep) moves it. Also the device's sleeper. */
public final class ManualClock implements Clock, Sleeper {

    private long uptime;
    private long wallAtBoot;
    public int wakes;

    public void advance(long millis) {
        uptime += millis;
    }

    public void setWallClockAtBoot(long millis) {
        wallAtBoot = millis;
    }

    @Override
    public long uptimeMillis() {
        return uptime;
    }

    @Override
    public long wallClockMillis() {
        return wallAtBoot == 0 ? 0 : wallAtBoot + uptime;
    }

    @Override
    public void sleep(long millis) {
        uptime += millis;
    }

    @Override
    public void wake() {
        wakes++;
    }
}
