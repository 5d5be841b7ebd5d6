package dev.smartpot.mothership;

import java.time.Duration;
import java.util.Locale;

/**
 * Decides when the mothership should give up: a process that stays alive without a working broker link is
 * blind, and systemd restarts only a process that exits. The link may be down for at most {@code limit} in a
 * row (from the start, too: a link that never comes up counts); then the caller exits non-zero.
 */
final class LinkWatch {

    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(2);

    private final long limitMillis;
    private long lastUpMillis;

    /** @param limit zero for never */
    LinkWatch(Duration limit, long nowMillis) {
        this.limitMillis = limit.toMillis();
        this.lastUpMillis = nowMillis;
    }

    /** Whether the link has now been down for longer than the limit. */
    synchronized boolean downTooLong(boolean linkUp, long nowMillis) {
        if (linkUp || limitMillis == 0) {
            lastUpMillis = nowMillis;
            return false;
        }
        return nowMillis - lastUpMillis > limitMillis;
    }

    /** {@code 90s}, {@code 5m}, {@code 1h} or {@code 0} (never give up). */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.matches("[0-9]{1,6}[smh]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            char unit = t.charAt(t.length() - 1);
            Duration d = unit == 's' ? Duration.ofSeconds(n) : unit == 'm' ? Duration.ofMinutes(n) : Duration.ofHours(n);
            if (!d.isZero()) {
                return d;
            }
        }
        throw new IllegalArgumentException("--link-timeout \"" + text + "\" is not a duration. Fix: write e.g. 120s, 5m or 1h"
                + " (0 never gives up)");
    }
}
