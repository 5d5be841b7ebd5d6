package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.state.RetainedState;

/** The figures the board-config check uses are the ones the queue and the retained state are built with. */
class QueueLimitsTest {

    @Test
    void aQueuedReadingTakesTheHeapTheQueueGivesIt() {
        assertEquals(4 * ReadingQueue.INTS_PER_READING, QueueLimits.HEAP_BYTES_PER_READING);
    }

    @Test
    void theRetainedRegionsOverheadAndReadingSizeAreRetainedStates() {
        // MIN_CAPACITY is RetainedState's header, CRC and one reading.
        assertEquals(RetainedState.MIN_CAPACITY, QueueLimits.RETAINED_OVERHEAD_BYTES + QueueLimits.RETAINED_BYTES_PER_READING);
        assertEquals(4 * ReadingQueue.INTS_PER_READING, QueueLimits.RETAINED_BYTES_PER_READING);
        assertEquals(1, QueueLimits.retainedReadings(RetainedState.MIN_CAPACITY));
        assertEquals(0, QueueLimits.retainedReadings(RetainedState.MIN_CAPACITY - 1));
    }

    @Test
    void theBoardsRegionKeeps375Readings() {
        assertEquals(375, QueueLimits.retainedReadings(QueueLimits.BOARD_RETAINED_BYTES));
    }
}
