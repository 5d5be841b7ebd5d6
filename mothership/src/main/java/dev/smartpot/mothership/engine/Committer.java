package dev.smartpot.mothership.engine;

import java.time.Instant;

import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.store.StoredReading;

/**
 * Moves the in-memory pots after each committed batch (on the writer thread, so it stays quick: no I/O,
 * events are queued for listeners), and reports the store's health.
 */
final class Committer implements StoreWriter.Listener {

    private final MothershipEngine engine;

    Committer(MothershipEngine engine) {
        this.engine = engine;
    }

    @Override
    public void committed(StoreWriter.Committed batch) {
        PotBook pots = engine.potBook();
        Instant now = engine.now();
        for (StoredReading r : batch.readings()) {
            if (r.conflict() != null) {
                LivePot pot = pots.getOrAdd(r.view().potId(), r.view().receivedAt());
                boolean news = !pot.refusingReadings();
                pot.conflict(r.conflict());
                if (news) {
                    System.out.println("mothership: pot " + pot.id() + ": its readings are not stored: " + r.conflict());
                    engine.events().publish(new Event("pot", pot.id(), pot.view()));
                    engine.events().publish(new Event("health", null, engine.health()));
                }
                continue;
            }
            if (!r.inserted()) {
                continue;
            }
            LivePot pot = pots.getOrAdd(r.view().potId(), r.view().receivedAt());
            pot.reading(r.view(), r.uptimeMs(), r.dropped());
            pots.noteOnce(pot.id(), r.note(), (id, note) -> System.out.println("mothership: pot " + id + ": " + note));
            engine.events().publish(new Event("reading", pot.id(), r.view()));
            engine.evaluate(pot);
        }
        for (Inbound.Status s : batch.statuses()) {
            LivePot pot = pots.getOrAdd(s.potId(), now);
            pot.status(s.status(), now);
            engine.events().publish(new Event("pot", pot.id(), pot.view()));
            engine.evaluate(pot);
        }
        long junk = batch.messages().stream().filter(m -> m.junk()).count();
        engine.countJunk(junk + batch.junkNotKept());
        batch.messages().forEach(m -> engine.events().publish(new Event("message", null, m)));
        for (Inbound.About about : batch.abouts()) {
            LivePot pot = pots.getOrAdd(about.potId(), now);
            pot.about(about.firmware() == null && about.pump() == null ? null : about);
            engine.events().publish(new Event("pot", pot.id(), pot.view()));
        }
        for (Inbound.Reply reply : batch.replies()) {
            engine.commandDesk().reply(reply);
        }
    }

    @Override
    public void storeHealth(String error) {
        engine.events().publish(new Event("health", null, engine.health()));
    }
}
