package dev.smartpot.simulator.board;

/** The host's monotonic and wall clocks, and its monitor waits: the time of every simulator run. */
final class HostTime implements BoardTime {

    @Override
    public long monotonicMillis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public long wallClockMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void waitOn(Object monitor, long millis) throws InterruptedException {
        if (millis > 0) {
            // wait(0) would wait until notified: Long.MAX_VALUE does that anyway, a short wait does not.
            monitor.wait(millis);
        }
    }

    @Override
    public void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
