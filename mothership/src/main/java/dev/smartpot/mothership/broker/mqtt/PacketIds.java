package dev.smartpot.mothership.broker.mqtt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * This client's packets awaiting the broker's answer (PUBLISH awaiting PUBACK, SUBSCRIBE awaiting SUBACK), by packet
 * identifier: 1..65535 in turn, never one still in flight, at most {@code max} at once. Once the connection is gone
 * every waiting packet fails, and so does any taken later.
 */
public final class PacketIds {

    private final CompletableFuture<?>[] waiting = new CompletableFuture<?>[65_536];
    private final int max;
    private int count;
    private int next = 1;
    private IOException gone;

    public PacketIds(int max) {
        if (max < 1 || max > 65_535) {
            throw new IllegalArgumentException("in-flight limit " + max + " out of 1..65535");
        }
        this.max = max;
    }

    /**
     * A free identifier for a packet completed through {@code done}; -1 (and {@code done} failed) when the connection
     * is gone or {@code max} packets are in flight.
     */
    public int take(CompletableFuture<?> done) {
        IOException failure;
        synchronized (this) {
            failure = gone;
            if (failure == null && count < max) {
                while (waiting[next] != null) {
                    next = next == 65_535 ? 1 : next + 1;
                }
                int id = next;
                next = next == 65_535 ? 1 : next + 1;
                waiting[id] = done;
                count++;
                return id;
            }
        }
        done.completeExceptionally(failure != null ? failure : new IllegalStateException(max + " publishes already await"
                + " the broker's acknowledgement; try again once it has caught up"));
        return -1;
    }

    /** The broker answered packet {@code id} with {@code value}; an identifier not in flight is ignored. */
    @SuppressWarnings("unchecked")
    public <T> void answered(int id, T value) {
        CompletableFuture<T> done;
        synchronized (this) {
            done = id < 1 || id > 65_535 ? null : (CompletableFuture<T>) waiting[id];
            if (done == null) {
                return;
            }
            waiting[id] = null;
            count--;
        }
        done.complete(value);
    }

    /** Packet {@code id} was never sent (it could not be written): frees its identifier and fails it. */
    public void failed(int id, Throwable why) {
        CompletableFuture<?> done;
        synchronized (this) {
            done = waiting[id];
            if (done == null) {
                return;
            }
            waiting[id] = null;
            count--;
        }
        done.completeExceptionally(why);
    }

    /** Fails every waiting packet and every later {@link #take}. */
    public void gone(IOException why) {
        List<CompletableFuture<?>> failed = new ArrayList<>();
        synchronized (this) {
            if (gone != null) {
                return;
            }
            gone = why;
            for (int id = 1; id < waiting.length; id++) {
                if (waiting[id] != null) {
                    failed.add(waiting[id]);
                    waiting[id] = null;
                }
            }
            count = 0;
        }
        failed.forEach(f -> f.completeExceptionally(why));
    }

    public synchronized int inFlight() {
        return count;
    }
}
