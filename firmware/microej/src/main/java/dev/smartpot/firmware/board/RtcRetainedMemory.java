package dev.smartpot.firmware.board;

import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.firmware.esp32.Esp32Natives;
import dev.smartpot.firmware.esp32.RtcMemoryNatives;

/**
 * The core's retained memory in the ESP32's RTC slow memory, through our SNI natives: what the core stores survives
 * {@code esp_restart()} and deep sleep, not a power cut. The C layer checks each copy with a magic and a CRC and
 * writes a new copy beside the previous one, so a reset in the middle of a store leaves the previous copy (or, for
 * copies over half the region, nothing), never half of one.
 */
public final class RtcRetainedMemory implements RetainedMemory {

    private final int capacity = RtcMemoryNatives.capacity();

    public int capacity() {
        return capacity;
    }

    public int load(byte[] buffer) {
        int length = RtcMemoryNatives.load(buffer, Math.min(buffer.length, capacity));
        return length < 0 ? NOTHING : length;
    }

    public void store(byte[] data, int length) {
        if (length < 0 || length > capacity || length > data.length) {
            throw new IllegalArgumentException("RTC memory holds " + capacity + " bytes, asked to store " + length
                    + " (SMARTPOT_RTC_CAPACITY in smartpot_store_natives.h)");
        }
        int result = RtcMemoryNatives.store(data, length);
        if (result < 0) {
            throw new IllegalStateException("storing to RTC memory failed (" + Esp32Natives.describeError(result) + ")");
        }
    }
}
