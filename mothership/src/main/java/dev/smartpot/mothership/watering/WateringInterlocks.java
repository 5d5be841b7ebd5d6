package dev.smartpot.mothership.watering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;

/**
 * The safety interlocks, as one pure decision: may this pot be watered now, and if not, why and when
 * next. Checked for every watering, manual or automatic: never on a pot that is not talking (STALE,
 * OFFLINE, FAULT, UNKNOWN), never while locked out after a watering without effect, a cooldown between
 * waterings, a maximum per 24 hours (manual and automatic together); automatic ones also need the global
 * switch on.
 */
public final class WateringInterlocks {

    /** The 24-hour window the daily maximum counts over (rolling, so midnight is no loophole). */
    public static final Duration DAY = Duration.ofHours(24);

    /** A watering that counts toward the limits: done, or sent and not yet answered. */
    public record Given(Instant at, int ml) {
    }

    /** @param nextAllowed when it may be allowed again, null when that depends on something else */
    public record Decision(boolean allowed, String reason, Instant nextAllowed) {
        static Decision yes() {
            return new Decision(true, null, null);
        }
    }

    private WateringInterlocks() {
    }

    public static Decision check(boolean automatic, boolean autoSwitchOn, int ml, PotSettings s, PlantState state,
                                 boolean lockedOut, List<Given> recent, Instant now) {
        if (automatic && !autoSwitchOn) {
            return new Decision(false, "automatic watering is switched off for every pot (the global switch)", null);
        }
        if (lockedOut) {
            return new Decision(false, "watering is locked out: the last watering did not raise the moisture; check the"
                    + " pump, the water tank and the sensor, then acknowledge the WATERING_LOCKED_OUT alert", null);
        }
        if (state == PlantState.STALE || state == PlantState.OFFLINE || state == PlantState.FAULT
                || state == PlantState.UNKNOWN) {
            return new Decision(false, "the pot is " + state + ": no watering without a trustworthy, current reading", null);
        }
        Instant last = null;
        int given = 0;
        for (Given g : recent) {
            if (g.at().isAfter(now.minus(DAY))) {
                given += g.ml();
            }
            if (last == null || g.at().isAfter(last)) {
                last = g.at();
            }
        }
        Duration cooldown = Duration.ofMinutes(s.cooldownMinutes());
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return new Decision(false, "cooldown: watered at " + last + ", at least " + s.cooldownMinutes()
                    + " min between waterings", last.plus(cooldown));
        }
        if (given + ml > s.dailyMaxMl()) {
            return new Decision(false, "daily maximum: " + given + " ml given in the last 24 h, " + ml + " ml more would"
                    + " pass the maximum of " + s.dailyMaxMl() + " ml", whenRoomFor(ml, s.dailyMaxMl(), recent, now));
        }
        return Decision.yes();
    }

    /** When enough of the last day's waterings have left the window for {@code ml} more. */
    private static Instant whenRoomFor(int ml, int max, List<Given> recent, Instant now) {
        if (ml > max) {
            return null;
        }
        List<Given> inWindow = recent.stream().filter(g -> g.at().isAfter(now.minus(DAY)))
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
        int total = inWindow.stream().mapToInt(Given::ml).sum();
        for (Given g : inWindow) {
            total -= g.ml();
            if (total + ml <= max) {
                return g.at().plus(DAY);
            }
        }
        return now;
    }
}
