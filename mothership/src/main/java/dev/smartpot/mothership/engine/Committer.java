package dev.smartpot.mothership.engine;

import java.time.Clock;
import java.time.Instant;

import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.command.CommandDesk;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.store.StoredReading;

/**
 * Moves the in-memory pots after each committed batch (on the writer thread, so it stays quick: no I/O,
 * events are queued for listeners), and reports the store's health.
 */
final class Committer implements StoreWriter.Listener {

    private final PotBook pots;
    private final EventBus events;
    private final Evaluator evaluator;
    private final CommandDesk commands;
    private final HealthReport health;
    private final Clock clock;

    Committer(PotBook pots, EventBus events, Evaluator evaluator, CommandDesk commands, HealthReport health, Clock clock) {
        this.pots = pots;
        this.events = events;
        this.evaluator = evaluator;
        this.commands = commands;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public void committed(StoreWriter.Committed batch) {
        Instant now = clock.instant();
        for (StoredReading r : batch.readings()) {
            if (r.conflict() != null) {
                LivePot pot = pots.getOrAdd(r.view().potId(), r.view().receivedAt());
                boolean news = !pot.refusingReadings();
                pot.conflict(r.conflict());
                if (news) {
                    System.out.println("mothership: pot " + pot.id() + ": its readings are not stored: " + r.conflict());
                    events.publish(new Event("pot", pot.id(), pot.view()));
                    events.publish(new Event("health", null, health.now()));
                }
                continue;
            }
            if (!r.inserted()) {
                continue;
            }
            LivePot pot = pots.getOrAdd(r.view().potId(), r.view().receivedAt());
            pot.reading(r.view(), r.uptimeMs(), r.dropped());
            pots.noteOnce(pot.id(), r.note(), (id, note) -> System.out.println("mothership: pot " + id + ": " + note));
            events.publish(new Event("reading", pot.id(), r.view()));
            evaluator.evaluate(pot);
        }
        for (Inbound.Status s : batch.statuses()) {
            LivePot pot = pots.getOrAdd(s.potId(), now);
            pot.status(s.status(), now);
            events.publish(new Event("pot", pot.id(), pot.view()));
            // Publishes again if the status put the pot to sleep (or woke it), with the wake in the view.
            evaluator.evaluate(pot);
        }
        long junk = batch.messages().stream().filter(m -> m.junk()).count();
        health.countJunk(junk + batch.junkNotKept());
        batch.messages().forEach(m -> events.publish(new Event("message", null, m)));
        for (Inbound.About about : batch.abouts()) {
            LivePot pot = pots.getOrAdd(about.potId(), now);
            pot.about(about.firmware() == null && about.pump() == null ? null : about);
            events.publish(new Event("pot", pot.id(), pot.view()));
        }
        for (Inbound.Reply reply : batch.replies()) {
            commands.reply(reply);
        }
    }

    @Override
    public void storeHealth(String error) {
        events.publish(new Event("health", null, health.now()));
    }
}
