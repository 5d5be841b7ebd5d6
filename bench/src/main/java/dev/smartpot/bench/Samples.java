package dev.smartpot.bench;

import java.util.Arrays;

/** A growable list of long samples, safe to add to from one thread and read after. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    synchronized int size() {
        return size;
    }

    /** Percentiles of every sample after the first {@code skip} (JIT warm-up). */
    synchronized Percentiles percentiles(int skip) {
        int from = Math.min(skip, size);
        return new Percentiles(Arrays.copyOfRange(values, from, size), size - from);
    }
}
