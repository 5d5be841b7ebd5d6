package dev.smartpot.device.config;

/**
 * What a queued reading costs where the pot keeps it, for the board-config check to tell and enforce. The figures are
 * the reading queue's and the retained state's own layout (readings frozen as taken: 4 ints each); QueueLimitsTest
 * holds them to the code that packs them.
 */
public final class QueueLimits {

    /** Java heap per queued reading (ReadingQueue: 4 ints). */
    public static final int HEAP_BYTES_PER_READING = 16;
    /** Retained memory per reading (RetainedState, layout 4). */
    public static final int RETAINED_BYTES_PER_READING = 16;
    /** The retained region's header and CRC (RetainedState, layout 4). */
    public static final int RETAINED_OVERHEAD_BYTES = 132;
    /** The board's RTC_NOINIT region for the pot's state (SMARTPOT_RTC_CAPACITY in smartpot_store_natives.h). */
    public static final int BOARD_RETAINED_BYTES = 6144;

    private QueueLimits() {
    }

    /** The most readings a retained region of {@code regionBytes} keeps across a reset or a deep sleep (375 on the board). */
    public static int retainedReadings(int regionBytes) {
        int room = regionBytes - RETAINED_OVERHEAD_BYTES;
        return room < RETAINED_BYTES_PER_READING ? 0 : room / RETAINED_BYTES_PER_READING;
    }
}
