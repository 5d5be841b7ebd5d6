package dev.smartpot.device.command;

import dev.smartpot.device.text.Durations;
import dev.smartpot.device.config.SafetyConfig;

/**
 * How often the disruptive commands may come: a token bucket per kind, kept as one time per kind (the moment the
 * bucket was last empty, moved on one interval per command taken), so checking allocates nothing.
 *
 * <p>{@code reboot}: one per {@code commands.reboot.every}, and its bucket starts empty at boot, so the limit holds
 * across the reboots it causes without writing anything to flash. {@code water}, {@code calibrate} and
 * {@code interval}: a burst of {@code commands.limit.burst}, then one per {@code commands.limit.every}.
 */
final class CommandLimiter {

    public static final int REBOOT = 0;
    public static final int WATER = 1;
    public static final int CALIBRATE = 2;
    public static final int INTERVAL = 3;
    private static final String[] NAMES = {"reboot", "water", "calibrate", "interval"};

    private final long[] every = new long[4];
    private final int[] burst = new int[4];
    /** Per kind: tokens at time t are (t - emptyAt) / every, at most the burst. */
    private final long[] emptyAt = new long[4];
    private long nextAllowedIn;

    public CommandLimiter(SafetyConfig limits, long bootTime) {
        for (int kind = 0; kind < 4; kind++) {
            boolean reboot = kind == REBOOT;
            every[kind] = reboot ? limits.rebootEveryMillis : limits.limitEveryMillis;
            burst[kind] = reboot ? 1 : limits.limitBurst;
            emptyAt[kind] = reboot ? bootTime : bootTime - burst[kind] * every[kind];
        }
    }

    /** Takes one token of {@code kind} if there is one; false when the command must be refused. */
    public boolean tryTake(int kind, long now) {
        long full = now - burst[kind] * every[kind];
        if (emptyAt[kind] < full) {
            emptyAt[kind] = full;
        }
        long next = emptyAt[kind] + every[kind];
        if (next > now) {
            nextAllowedIn = next - now;
            return false;
        }
        emptyAt[kind] = next;
        nextAllowedIn = 0;
        return true;
    }

    /** After a refusal: how long until the refused kind is allowed again. */
    public long nextAllowedInMillis() {
        return nextAllowedIn;
    }

    /** Why {@code kind} was refused, for the reply; call right after {@link #tryTake} said no. */
    public String refusal(int kind) {
        String name = NAMES[kind];
        if (kind == REBOOT) {
            return "reboot refused: the pot reboots at most once every " + Durations.format(every[kind])
                    + " of uptime (commands.reboot.every); expected the next reboot in " + seconds(nextAllowedIn) + " s";
        }
        return name + " refused: at most " + burst[kind] + " " + name + " commands at once, then one every "
                + Durations.format(every[kind]) + " (commands.limit.burst, commands.limit.every); expected the next in "
                + seconds(nextAllowedIn) + " s";
    }

    /** Milliseconds to whole seconds, rounded up: "in 0 s" would be a lie. */
    public static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
