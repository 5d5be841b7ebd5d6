package dev.smartpot.mothership.confirm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.smartpot.mothership.broker.Outbound;
import dev.smartpot.protocol.AckFields;
import dev.smartpot.protocol.WireTopics;

/**
 * Publishes a pot's acknowledgement, retained, at most once per {@link AckFields#MIN_INTERVAL_MILLIS}: the first
 * change goes at once (a sleeping pot's wake hears it before it sleeps again), later ones within the second wait for
 * its end and go as one with all they covered. One that could not be sent (the broker away) is tried again a second
 * later; the retained one on the broker keeps standing for pots that connect meanwhile.
 */
public final class AckSender {

    /** Runs a task after a delay: the engine's timer, or a test's hand. */
    @FunctionalInterface
    public interface Later {
        void run(Runnable task, long delayMillis);
    }

    private final ConfirmedRuns runs;
    private final Outbound outbound;
    private final Clock clock;
    private final Later later;
    private final Map<String, Long> lastSent = new HashMap<>();
    /** Pots with an acknowledgement waiting for its second. */
    private final Set<String> waiting = new HashSet<>();

    public AckSender(ConfirmedRuns runs, Outbound outbound, Clock clock, Later later) {
        this.runs = runs;
        this.outbound = outbound;
        this.clock = clock;
        this.later = later;
    }

    /** What the store holds of {@code potId} changed. */
    public void changed(String potId) {
        long delay;
        synchronized (this) {
            if (waiting.contains(potId)) {
                return;
            }
            Long last = lastSent.get(potId);
            delay = last == null ? 0 : last + AckFields.MIN_INTERVAL_MILLIS - clock.millis();
            if (delay > 0) {
                waiting.add(potId);
            }
        }
        if (delay <= 0) {
            send(potId);
        } else {
            later.run(() -> {
                synchronized (this) {
                    waiting.remove(potId);
                }
                send(potId);
            }, delay);
        }
    }

    private void send(String potId) {
        synchronized (this) {
            lastSent.put(potId, clock.millis());
        }
        outbound.publish(WireTopics.ack(potId), runs.ackJson(potId), true).whenComplete((ok, failed) -> {
            if (failed != null) {
                changed(potId);
            }
        });
    }

    /** At a clean stop, before the link closes: the acknowledgements waiting for their second go now. */
    public void flush() {
        List<String> due;
        synchronized (this) {
            due = new ArrayList<>(waiting);
            waiting.clear();
        }
        due.forEach(this::send);
    }

    /** A deleted pot: its retained acknowledgement is cleared, so a pot that comes back starts afresh. */
    public void forget(String potId) {
        synchronized (this) {
            lastSent.remove(potId);
        }
        outbound.publish(WireTopics.ack(potId), "", true);
    }
}
