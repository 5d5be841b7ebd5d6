package dev.smartpot.mothership.store;

/** Told about each stored batch on the writer thread (metrics); must return at once. */
@FunctionalInterface
public interface BatchObserver {

    /**
     * @param messages         messages in the batch
     * @param writeNanos       how long its successful write and commit took
     * @param oldestReceivedAt when its oldest message arrived (epoch ms): commit time minus this is the ingest lag
     * @param committedAt      when it was committed (epoch ms, the writer's clock)
     */
    void stored(int messages, long writeNanos, long oldestReceivedAt, long committedAt);

    BatchObserver NONE = (messages, writeNanos, oldestReceivedAt, committedAt) -> { };
}
