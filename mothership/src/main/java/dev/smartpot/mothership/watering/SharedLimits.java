package dev.smartpot.mothership.watering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.store.WateringLog;

/**
 * The cooldown and daily maximum across several instances sharing one PostgreSQL. Each instance remembers only its
 * own waterings, so before it pours it decides again against the shared waterings table, in one transaction under a
 * per-pot advisory lock, and records the watering there as pending in that same transaction: of two instances
 * pressing Water at once, the second waits for the lock and then sees the first one's watering.
 */
final class SharedLimits {

    /** Outcome of a watering recorded before it is sent; it becomes done, no-reply or failed. */
    static final String PENDING = "pending";

    /** The first half of the two-int advisory key (the rules lock uses the separate one-bigint key space). */
    private static final int LOCK_CLASS = 0x736d7774;

    /** @param wateringId the pending row's id when allowed, else 0 */
    record Claim(WateringInterlocks.Decision decision, long wateringId) {
    }

    private SharedLimits() {
    }

    /**
     * Runs in the caller's transaction (its commit releases the lock).
     *
     * @param lookBack how far back a watering still counts (the day, or a longer cooldown)
     * @param judge    the interlocks' decision given the pot's counting waterings in the shared table
     */
    static Claim claim(Connection c, WateringView pending, Duration lookBack,
                       Function<List<WateringInterlocks.Given>, WateringInterlocks.Decision> judge) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            // String.hashCode is the same on every JVM; two pots sharing a hash only wait for each other.
            lock.setInt(2, pending.potId().hashCode());
            lock.executeQuery().close();
        }
        List<WateringInterlocks.Given> given = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT at, ml FROM waterings WHERE pot_id = ? AND at > ?"
                + " AND outcome IN ('done', 'no-reply', '" + PENDING + "')")) {
            q.setString(1, pending.potId());
            q.setLong(2, pending.at().minus(lookBack).toEpochMilli());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    given.add(new WateringInterlocks.Given(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2)));
                }
            }
        }
        WateringInterlocks.Decision d = judge.apply(given);
        return new Claim(d, d.allowed() ? WateringLog.insert(c, pending) : 0);
    }
}
