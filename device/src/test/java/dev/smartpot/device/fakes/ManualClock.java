package dev.smartpot.device.fakes;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Sleeper;

/** Time that moves only when a test (or the device's own sleep) moves it. Also the device's sleeper. */
public final class ManualClock implements Clock, Sleeper {

    private long uptime;
    private long wallAtBoot;
    public int wakes;
    /** What runs beside the loop on its own timer (the readings' thread of a runtime); null for nothing. */
    private Alarm alarm;

    /** Something woken at its own time while the loop is busy or asleep, as a thread of the runtime is. */
    public interface Alarm {
        /** When it wants to run next. */
        long nextAt();

        /** Runs it at {@code now}. */
        void ring(long now);
    }

    public void alarm(Alarm beside) {
        alarm = beside;
    }

    /** Moves time on; an alarm due on the way rings at its own time, as a thread beside the loop would run then. */
    public void advance(long millis) {
        long end = uptime + millis;
        if (alarm != null) {
            long at;
            while ((at = alarm.nextAt()) <= end) {
                uptime = Math.max(uptime, at);
                long before = alarm.nextAt();
                alarm.ring(uptime);
                if (alarm.nextAt() == before) {
                    break;
                }
            }
        }
        uptime = end;
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
        advance(millis);
    }

    @Override
    public void wake() {
        wakes++;
    }
}
