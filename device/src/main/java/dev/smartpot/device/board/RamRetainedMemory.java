package dev.smartpot.device.board;

/**
 * Retained memory as a plain array: it lasts as long as this object, so a runtime that keeps the object across
 * its simulated reboots and deep sleeps keeps the state, and one that drops it (or calls {@link #powerCut()})
 * loses it, as RTC memory does.
 */
public final class RamRetainedMemory implements RetainedMemory {

    private final byte[] region;
    private int length = NOTHING;

    public RamRetainedMemory(int capacity) {
        region = new byte[capacity];
    }

    public int capacity() {
        return region.length;
    }

    public synchronized int load(byte[] buffer) {
        if (length > 0) {
            System.arraycopy(region, 0, buffer, 0, length);
        }
        return length;
    }

    public synchronized void store(byte[] data, int length) {
        if (length < 0 || length > region.length) {
            throw new IllegalArgumentException("retained memory holds " + region.length + " bytes, asked to store " + length);
        }
        System.arraycopy(data, 0, region, 0, length);
        this.length = length;
    }

    /** What a power cut does: the region holds noise, which the core's check must refuse. */
    public synchronized void powerCut() {
        length = region.length;
        for (int i = 0; i < region.length; i++) {
            region[i] = (byte) (i * 31 + 7);
        }
    }

    /** A copy of the stored bytes (for a runtime that writes them to a file), or null when nothing is stored. */
    public synchronized byte[] snapshot() {
        if (length < 0) {
            return null;
        }
        byte[] copy = new byte[length];
        System.arraycopy(region, 0, copy, 0, length);
        return copy;
    }
}
