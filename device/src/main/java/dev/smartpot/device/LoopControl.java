package dev.smartpot.device;

import dev.smartpot.protocol.ReadingFields;
import dev.smartpot.protocol.ResultFields;
import dev.smartpot.device.command.PotControl;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.power.WakeTimes;
import dev.smartpot.device.reading.BatteryGauge;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.status.PotStatus;
import dev.smartpot.device.text.PayloadBuffer;

/** What commands may ask of the running loop, answered by the parts that know; on the loop's thread. */
final class LoopControl implements PotControl {

    private final ReadingSchedule schedule;
    private final ReadingPublisher publisher;
    private final ReadingQueue queue;
    private final LinkSupervisor link;
    private final Inbox inbox;
    private final int boot;
    /** The deep-sleep wake's phases; null when always on. */
    private final WakeTimes wake;
    /** Null on a pot that reads no battery voltage. */
    private final BatteryGauge battery;
    /** The time of the tick under way: commands run inside a tick and use its clock reading. */
    private long now;

    LoopControl(ReadingSchedule schedule, ReadingPublisher publisher, ReadingQueue queue, LinkSupervisor link, Inbox inbox,
            int boot, WakeTimes wake, BatteryGauge battery) {
        this.battery = battery;
        this.inbox = inbox;
        this.boot = boot;
        this.wake = wake;
        this.schedule = schedule;
        this.publisher = publisher;
        this.queue = queue;
        this.link = link;
    }

    void tickAt(long tickTime) {
        now = tickTime;
    }

    public int readNow() {
        return schedule.take(now);
    }

    public long readingsTaken() {
        return schedule.readingsTaken();
    }

    public int lastRawCode() {
        return schedule.lastRawCode();
    }

    public long intervalMillis() {
        return schedule.intervalMillis();
    }

    public void changeInterval(long millis) {
        schedule.changeInterval(now, millis);
    }

    public String stateName() {
        return PotStatus.stateName(link.state());
    }

    public long publishedReadings() {
        return publisher.published();
    }

    public int queuedReadings() {
        return queue.size();
    }

    public long droppedReadings() {
        return queue.dropped();
    }

    public int reconnects() {
        return link.reconnects();
    }

    public long largestSamplingDelayMillis() {
        return schedule.largestDelayMillis();
    }

    public long commandsDropped() {
        return inbox.dropped();
    }

    public void appendPower(PayloadBuffer out) {
        out.append(",\"" + ReadingFields.BOOT + "\":").append(boot);
        if (battery != null && battery.millivolts() >= 0) {
            out.append(",\"" + ReadingFields.BATTERY_MV + "\":").append(battery.millivolts());
        }
        if (wake != null) {
            out.append(",\"" + ResultFields.POWER + "\":");
            wake.appendJson(out);
        }
    }
}
