package dev.smartpot.mothership.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The system clock moved forward by what a test says: an hour of a sleeping pot's silence passes at once. */
public final class ShiftedClock extends Clock {

    private final AtomicLong offsetMs = new AtomicLong();

    public void advance(Duration d) {
        offsetMs.addAndGet(d.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMs.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the mothership works in UTC");
    }
}
