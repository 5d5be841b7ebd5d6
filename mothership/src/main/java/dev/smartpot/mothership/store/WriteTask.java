package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** A write submitted to the writer thread (a command, a setting, an alert): a transaction of its own, its outcome told. */
record WriteTask<T>(Database.Work<T> work, CompletableFuture<T> result) {

    /**
     * Runs in a transaction of its own on {@code c}; a failure completes the result with the problem in words.
     * @return false when the database failed (the caller reopens its connection)
     */
    boolean runOn(Connection c, String store) {
        try {
            c.setAutoCommit(false);
            T value = work.run(c);
            c.commit();
            result.complete(value);
            return true;
        } catch (SQLException e) {
            BatchWriter.rollbackQuietly(c);
            result.completeExceptionally(new StoreException(StoreErrors.describe(e, store), e));
            return false;
        } catch (RuntimeException e) {
            BatchWriter.rollbackQuietly(c);
            result.completeExceptionally(e);
            return true;
        }
    }

    /** The tasks among what a closing writer still held: each fails with why. */
    static void failAll(Collection<Object> left) {
        for (Object o : left) {
            if (o instanceof WriteTask<?> t) {
                t.result().completeExceptionally(new StoreException("the store closed before this write", null));
            }
        }
    }
}
