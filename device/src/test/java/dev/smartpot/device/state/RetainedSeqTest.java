package dev.smartpot.device.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.link.LinkMemory;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.text.LogLine;

/**
 * The loop reads {@code seq} before its store takes the queue's lock, so a reading taken beside the loop in between is
 * in the stored queue while the stored {@code seq} is its own: the next boot must not number a reading with it again.
 */
class RetainedSeqTest {

    @Test
    void aStoreNeverKeepsASeqAtOrBelowAQueuedReading() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        ReadingQueue queue = new ReadingQueue(100);
        RetainedState state = new RetainedState(rtc, new MemorySettingsStore(), queue, new LinkMemory(), new ListLog());
        state.restore(0, new LogLine(96));
        queue.add(0, 1000, 2100);
        queue.add(1, 2000, 2101);
        queue.add(2, 3000, 2102);
        // The loop read seq 2 just before the readings thread took reading #2.
        state.save(3000, 2, 0);

        RetainedState next = new RetainedState(rtc, new MemorySettingsStore(), new ReadingQueue(100), new LinkMemory(),
                new ListLog());
        next.restore(0, new LogLine(96));
        assertEquals(3, next.nextSeq(), "reading #2 is queued: the next boot's first reading is #3");
    }
}
