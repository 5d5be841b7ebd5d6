package dev.smartpot.mothership.watering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.alert.AlertKinds;
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.command.CommandDesk;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.store.WateringLog;
import dev.smartpot.protocol.CommandParser;
import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.protocol.WireTopics;

/**
 * Waters pots, by a person's command or by a pot's automatic rule (water its amount when DRY), always
 * through the {@link WateringInterlocks}'s interlocks. Refusals are logged with the reason and when next
 * allowed. After each watering it checks that the moisture rose by {@code minRise} points within
 * {@code effectWindow}; if not, it raises NO_EFFECT and WATERING_LOCKED_OUT and waters that pot no more
 * until a person acknowledges the lock-out. A pot asleep on purpose gets the command at its next wake: the
 * watering waits for that reply (so the automatic rule does not fire again meanwhile), and its effect is judged on
 * the readings it sends after, not while it sleeps. A pot that refuses with {@code next_allowed_in_s} (its own
 * limits) is not asked again by the automatic rule before then, and one POT_LIMITS alert says the plan is impossible.
 */
public final class WateringDesk {

    private final CommandDesk commands;
    private final AlertBook alerts;
    private final StoreWriter writer;
    private final Clock clock;
    private final Duration effectWindow;
    private final double minRise;
    private final Consumer<WateringView> changed;
    private final Map<String, PotWatering> pots = new ConcurrentHashMap<>();
    private volatile boolean autoSwitchOn = true;

    /** What this desk remembers per pot. */
    private static final class PotWatering {
        final List<WateringInterlocks.Given> recent = new ArrayList<>();
        boolean inFlight;
        Effect pending;
        String lastAutoRefusal;
        /** The pot's own limits allow its next watering from then on (its last refusal said so); null if unknown. */
        Instant potAllowsAt;
    }

    private final PayloadDecoder replies = new PayloadDecoder();

    /** The refusal for a pot whose about message says it has no pump. */
    public static final String NO_PUMP = "this pot has no pump (its about message says so); water it by hand";

    private record Effect(long wateringId, WateringView done, Instant at, double before) {
    }

    public WateringDesk(CommandDesk commands, AlertBook alerts, StoreWriter writer, Clock clock, Duration effectWindow,
                        double minRise, Consumer<WateringView> changed) {
        this.commands = commands;
        this.alerts = alerts;
        this.writer = writer;
        this.clock = clock;
        this.effectWindow = effectWindow;
        this.minRise = minRise;
        this.changed = changed;
    }

    /** At start: the last day's waterings count toward the limits; returns each pot's last watering time. */
    public Map<String, Instant> load(Database db) {
        List<WateringView> day = WateringLog.recent(db, null, clock.instant().minus(WateringInterlocks.DAY).toEpochMilli(),
                Integer.MAX_VALUE);
        for (WateringView w : day) {
            if (counts(w.outcome())) {
                state(w.potId()).recent.add(new WateringInterlocks.Given(w.at(), w.ml()));
            }
        }
        return WateringLog.lastWatered(db);
    }

    /** A deleted pot: its watering history is gone. */
    public void forget(String potId) {
        pots.remove(potId);
    }

    public void autoSwitch(boolean on) {
        autoSwitchOn = on;
    }

    public boolean autoSwitchOn() {
        return autoSwitchOn;
    }

    /** Waters now if the interlocks allow; completes with the command as sent and answered, or refused. */
    public CompletableFuture<CommandView> water(LivePot pot, int ml, boolean automatic, String by) {
        String command = CommandParser.water(ml);
        PotWatering pw = state(pot.id());
        Instant now = clock.instant();
        WateringInterlocks.Decision d;
        Double before = pot.moisture();
        synchronized (pw) {
            d = WateringInterlocks.check(automatic, autoSwitchOn, ml, pot.settings(), pot.state(),
                    alerts.isOpen(pot.id(), AlertKinds.WATERING_LOCKED_OUT), pw.recent, now);
            if (pot.about() != null && Boolean.FALSE.equals(pot.about().pump())) {
                // Nothing is sent: the pot said it has no pump, and would only say so again.
                d = new WateringInterlocks.Decision(false, NO_PUMP, null);
            }
            if (d.allowed() && automatic && pw.potAllowsAt != null && now.isBefore(pw.potAllowsAt)) {
                d = new WateringInterlocks.Decision(false, "the pot's own limits allow its next watering only then",
                        pw.potAllowsAt);
            }
            if (!d.allowed()) {
                String reason = d.reason() + (d.nextAllowed() == null ? "" : "; next allowed at " + d.nextAllowed());
                if (!automatic || !reason.equals(pw.lastAutoRefusal)) {
                    record(new WateringView(0, pot.id(), ml, trigger(automatic), by, now, "refused", reason, before, null));
                }
                if (automatic) {
                    pw.lastAutoRefusal = reason;
                    return CompletableFuture.completedFuture(null);
                }
                return commands.refused(pot.id(), command, by, reason);
            }
            pw.lastAutoRefusal = null;
            pw.inFlight = true;
            pw.recent.add(new WateringInterlocks.Given(now, ml));
        }
        return commands.send(pot.id(), command, by, pot.sleeping()).thenApply(cv -> {
            String outcome = switch (cv.status()) {
                case "ok" -> "done";
                case "no-reply" -> "no-reply";
                default -> "failed";
            };
            Long retryInS = outcome.equals("failed") ? nextAllowedInS(pot.id(), cv.reply()) : null;
            synchronized (pw) {
                pw.inFlight = false;
                if (!counts(outcome)) {
                    pw.recent.removeIf(g -> g.at().equals(now) && g.ml() == ml);
                }
                if (retryInS != null) {
                    pw.potAllowsAt = clock.instant().plusSeconds(retryInS);
                }
            }
            if (retryInS != null) {
                alerts.raise(pot.id(), AlertKinds.POT_LIMITS, "pot " + pot.id() + ": the pot refused " + command + " ("
                        + cv.error() + "); its settings here (" + pot.settings().cooldownMinutes() + " min cooldown, "
                        + pot.settings().dailyMaxMl() + " ml a day) ask for more than the pot's own limits allow, so the "
                        + "mothership waits " + retryInS + " s; align the pot's water.* settings or these");
            }
            WateringView w = new WateringView(0, pot.id(), ml, trigger(automatic), by, now, outcome, cv.error(), before, null);
            CompletableFuture<Long> id = record(w);
            if (outcome.equals("done")) {
                // A sleeping pot waters when it wakes and takes the command: it was watered at its reply, and the
                // effect counts from then.
                Instant poured = cv.repliedAt() != null ? cv.repliedAt() : now;
                pot.watered(poured);
                if (before != null) {
                    id.thenAccept(i -> {
                        synchronized (pw) {
                            pw.pending = new Effect(i, w, poured, before);
                        }
                    });
                }
            }
            return cv;
        });
    }

    /** Runs every evaluation tick: the effect check of the last watering, then the automatic rule. */
    public void tick(LivePot pot) {
        tick(pot, true);
    }

    /**
     * @param automaticRules false on an instance that is not the one running the automatic rules (several
     *                       instances sharing a database): only the effect check of its own waterings runs
     */
    public void tick(LivePot pot, boolean automaticRules) {
        PotWatering pw = pots.get(pot.id());
        PotSettings s = pot.settings();
        if (pw == null && !(s.autoWater() && pot.state() == PlantState.DRY)) {
            return;
        }
        pw = state(pot.id());
        Instant now = clock.instant();
        synchronized (pw) {
            Effect e = pw.pending;
            if (e != null) {
                Double m = pot.moisture();
                if (m != null && m >= e.before() + minRise) {
                    pw.pending = null;
                    update(e, m, null);
                    alerts.close(pot.id(), AlertKinds.NO_EFFECT);
                } else if (!now.isBefore(e.at().plus(effectWindow)) && pot.asleepUntil() == null) {
                    // (A pot asleep on purpose has not sent its readings since: judged once it has.)
                    pw.pending = null;
                    String why = String.format(Locale.ROOT, "watering %d ml at %s did not raise the moisture by %.1f points"
                            + " within %d min (%.1f%% before, %s after)", e.done().ml(), e.at(), minRise,
                            effectWindow.toMinutes(), e.before(), m == null ? "no reading" : String.format(Locale.ROOT, "%.1f%%", m));
                    update(e, m, "no effect: " + why);
                    alerts.raise(pot.id(), AlertKinds.NO_EFFECT, "pot " + pot.id() + ": " + why);
                    alerts.raise(pot.id(), AlertKinds.WATERING_LOCKED_OUT, "pot " + pot.id() + ": watering locked out"
                            + " because " + why + "; check the pump, the tank and the sensor, then acknowledge this alert");
                }
            }
            if (!automaticRules || !s.autoWater() || pot.state() != PlantState.DRY || pw.inFlight || pw.pending != null) {
                return;
            }
        }
        water(pot, s.waterMl(), true, "auto");
    }

    private void update(Effect e, Double after, String reason) {
        WateringView w = e.done();
        WateringView updated = new WateringView(e.wateringId(), w.potId(), w.ml(), w.trigger(), w.by(), w.at(), w.outcome(),
                reason, w.moistureBefore(), after);
        writer.submit(c -> WateringLog.update(c, updated)).thenRun(() -> changed.accept(updated));
    }

    private CompletableFuture<Long> record(WateringView w) {
        return writer.submit(c -> WateringLog.insert(c, w)).thenApply(id -> {
            changed.accept(new WateringView(id, w.potId(), w.ml(), w.trigger(), w.by(), w.at(), w.outcome(), w.reason(),
                    w.moistureBefore(), w.moistureAfter()));
            return id;
        });
    }

    /** The seconds a pot's refusal says to wait ({@code next_allowed_in_s}), read by the protocol; null if none. */
    private Long nextAllowedInS(String potId, String reply) {
        if (reply == null) {
            return null;
        }
        Decoded d = replies.decode(WireTopics.reply(potId), reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return d instanceof Decoded.Reply r && !r.ok ? r.nextAllowedInS : null;
    }

    private PotWatering state(String potId) {
        return pots.computeIfAbsent(potId, k -> new PotWatering());
    }

    /** A watering that may have poured water counts toward the limits, even unanswered. */
    private static boolean counts(String outcome) {
        return outcome.equals("done") || outcome.equals("no-reply");
    }

    private static String trigger(boolean automatic) {
        return automatic ? "auto" : "manual";
    }
}
