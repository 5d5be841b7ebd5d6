package dev.smartpot.tools;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.QueueLimits;
import dev.smartpot.device.text.Durations;

/**
 * In deep sleep the reading queue lives only in the board's RTC memory between wakes: a {@code queue.capacity}
 * above what that region keeps would be cut back at every sleep, so the check refuses it with the real limit.
 */
final class DeepSleepQueue {

    private DeepSleepQueue() {
    }

    /** Readings the board keeps across a deep sleep or a reset. */
    static int readingsKept() {
        return QueueLimits.retainedReadings(QueueLimits.BOARD_RETAINED_BYTES);
    }

    /** How long {@link #readingsKept()} readings last at the pot's interval, e.g. "3 days 21h". */
    static String lasting(DeviceConfig device) {
        long millis = device.publishIntervalMillis * readingsKept();
        long days = millis / 86_400_000L;
        long rest = millis % 86_400_000L;
        String tail = rest >= 3_600_000L ? Durations.format(rest / 3_600_000L * 3_600_000L)
                : rest > 0 ? Durations.format(rest) : "";
        return days == 0 ? Durations.format(millis) : days + (days == 1 ? " day" : " days") + (tail.isEmpty() ? "" : " " + tail);
    }

    static void check(ConfigReader reader, DeviceConfig device) {
        if (!device.deepSleep || device.queueCapacity <= readingsKept()) {
            return;
        }
        reader.problem("queue.capacity", "is more than the " + readingsKept() + " readings the board keeps between"
                + " deep-sleep wakes (its " + QueueLimits.BOARD_RETAINED_BYTES + " bytes of RTC memory, "
                + QueueLimits.RETAINED_BYTES_PER_READING + " a reading)", "write queue.capacity = " + readingsKept()
                + " or less (" + lasting(device) + " of readings at publish.interval = "
                + Durations.format(device.publishIntervalMillis) + ")");
    }
}
