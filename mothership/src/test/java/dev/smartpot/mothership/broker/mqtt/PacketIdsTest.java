package dev.smartpot.mothership.broker.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

/** Packet identifiers of this client's own packets. */
class PacketIdsTest {

    @Test
    void identifiersRunFrom1To65535AndSkipAnyStillInFlight() {
        PacketIds ids = new PacketIds(65_535);
        CompletableFuture<Void> first = new CompletableFuture<>();
        assertEquals(1, ids.take(first));
        for (int id = 2; id <= 65_535; id++) {
            int taken = ids.take(new CompletableFuture<Void>());
            assertEquals(id, taken);
            ids.answered(taken, null);
        }
        assertEquals(2, ids.take(new CompletableFuture<Void>()), "1 is still in flight");
        ids.answered(1, null);
        assertTrue(first.isDone() && !first.isCompletedExceptionally());
    }

    @Test
    void atMostTheLimitIsInFlightAndTheNextFailsWithAReason() {
        PacketIds ids = new PacketIds(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(ids.take(new CompletableFuture<Void>()) > 0);
        }
        CompletableFuture<Void> fourth = new CompletableFuture<>();
        assertEquals(-1, ids.take(fourth));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, fourth::get);
        assertTrue(e.getCause().getMessage().contains("3 publishes already await the broker's acknowledgement"));
        ids.answered(2, null);
        assertTrue(ids.take(new CompletableFuture<Void>()) > 0, "room again after an answer");
    }

    @Test
    void whenTheConnectionIsGoneEveryWaitingPacketFailsAndSoDoesAnyLater() {
        PacketIds ids = new PacketIds(10);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            ids.take(f);
            waiting.add(f);
        }
        ids.answered(3, null);
        ids.gone(new IOException("link lost"));
        assertEquals(1, waiting.stream().filter(f -> !f.isCompletedExceptionally()).count());
        assertEquals(0, ids.inFlight());
        CompletableFuture<Void> late = new CompletableFuture<>();
        assertEquals(-1, ids.take(late));
        assertTrue(late.isCompletedExceptionally());
        ids.answered(4, null);
        assertTrue(waiting.get(3).isCompletedExceptionally(), "a late answer does not revive a failed publish");
    }
}
