package dev.smartpot.mothership.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.store.Retention;
import dev.smartpot.protocol.WireTopics;

/**
 * Everything the engine is built from. Start from {@link #sqlite} or {@link #postgres} and change what you
 * need with the {@code with...} methods.
 *
 * @param sqliteFile        the SQLite file (used when jdbcUrl is null)
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/db} for PostgreSQL, or null for SQLite
 * @param commandTimeout    a command with no reply within this completes as {@code no-reply}
 * @param defaultInterval   the reading interval assumed until a pot's cadence is known (for STALE)
 * @param effectWindow      moisture must rise within this after a watering, else NO_EFFECT and a lock-out
 * @param minRise           by at least this many percentage points
 * @param alertTopic        where alerts are published as JSON (QoS 1, not retained)
 * @param evaluateEvery     how often states are re-evaluated (STALE needs time to pass, not a reading)
 * @param maxDatabaseBytes  SQLite only: a size cap (0 = none); at the cap ingest pauses as on a full disk
 * @param writeQueue        received messages waiting for the writer; when full the broker is slowed down
 * @param lowBatteryMv      a pot's battery below this many mV raises LOW_BATTERY
 */
public record EngineOptions(BrokerOptions broker, Path sqliteFile, String jdbcUrl, String dbUser, String dbPassword,
                            Retention retention, Duration commandTimeout, Duration defaultInterval,
                            Duration effectWindow, double minRise, String alertTopic, Duration evaluateEvery,
                            long maxDatabaseBytes, int writeQueue, Clock clock, int lowBatteryMv) {

    public static final String ALERT_TOPIC = WireTopics.ALERTS;

    public EngineOptions {
        if (broker == null) {
            throw new IllegalArgumentException("no broker; expected e.g. BrokerOptions.plain(\"tcp://127.0.0.1:1883\")");
        }
        if (sqliteFile == null && jdbcUrl == null) {
            throw new IllegalArgumentException("no store; expected a SQLite file or a jdbc:postgresql:// url");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive; expected e.g. 10 s");
        }
    }

    /** SQLite in {@code file}, every other setting at its default. */
    public static EngineOptions sqlite(BrokerOptions broker, Path file) {
        return defaults(broker, file, null, null, null);
    }

    private static EngineOptions defaults(BrokerOptions broker, Path file, String url, String user, String password) {
        return new EngineOptions(broker, file, url, user, password, Retention.DEFAULT, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMinutes(15), 2.0, ALERT_TOPIC, Duration.ofSeconds(1), 0, 10_000,
                Clock.systemUTC(), LowBattery.DEFAULT_MV);
    }

    /** PostgreSQL at {@code jdbcUrl} (user and password may be in the url, or null). */
    public static EngineOptions postgres(BrokerOptions broker, String jdbcUrl, String user, String password) {
        return defaults(broker, null, jdbcUrl, user, password);
    }

    public EngineOptions withDatabase(String url, String user, String password) {
        return with(b -> {
            b.jdbcUrl = url;
            b.dbUser = user;
            b.dbPassword = password;
        });
    }

    public EngineOptions withRetention(Retention r) {
        return with(b -> b.retention = r);
    }

    public EngineOptions withCommandTimeout(Duration d) {
        return with(b -> b.commandTimeout = d);
    }

    public EngineOptions withDefaultInterval(Duration d) {
        return with(b -> b.defaultInterval = d);
    }

    public EngineOptions withEffectCheck(Duration window, double rise) {
        return with(b -> {
            b.effectWindow = window;
            b.minRise = rise;
        });
    }

    public EngineOptions withAlertTopic(String topic) {
        return with(b -> b.alertTopic = topic);
    }

    public EngineOptions withEvaluateEvery(Duration d) {
        return with(b -> b.evaluateEvery = d);
    }

    public EngineOptions withMaxDatabaseBytes(long bytes) {
        return with(b -> b.maxDatabaseBytes = bytes);
    }

    /** Received messages the writer's queue holds (default 10,000: two batches); when it is full the link stops reading. */
    public EngineOptions withWriteQueue(int messages) {
        return with(b -> b.writeQueue = messages);
    }

    public EngineOptions withClock(Clock c) {
        return with(b -> b.clock = c);
    }

    /** Below this many mV a pot's battery raises LOW_BATTERY (default {@value LowBattery#DEFAULT_MV}, 2 x AA). */
    public EngineOptions withLowBatteryMv(int mv) {
        return with(b -> b.lowBatteryMv = mv);
    }

    /** A copy with one change: the withers above say only what they change. */
    private EngineOptions with(java.util.function.Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The record's components, mutable for one wither; the one place that lists them all. */
    private static final class Copy {
        BrokerOptions broker;
        Path sqliteFile;
        String jdbcUrl;
        String dbUser;
        String dbPassword;
        Retention retention;
        Duration commandTimeout;
        Duration defaultInterval;
        Duration effectWindow;
        double minRise;
        String alertTopic;
        Duration evaluateEvery;
        long maxDatabaseBytes;
        int writeQueue;
        Clock clock;
        int lowBatteryMv;

        Copy(EngineOptions o) {
            broker = o.broker;
            sqliteFile = o.sqliteFile;
            jdbcUrl = o.jdbcUrl;
            dbUser = o.dbUser;
            dbPassword = o.dbPassword;
            retention = o.retention;
            commandTimeout = o.commandTimeout;
            defaultInterval = o.defaultInterval;
            effectWindow = o.effectWindow;
            minRise = o.minRise;
            alertTopic = o.alertTopic;
            evaluateEvery = o.evaluateEvery;
            maxDatabaseBytes = o.maxDatabaseBytes;
            writeQueue = o.writeQueue;
            clock = o.clock;
            lowBatteryMv = o.lowBatteryMv;
        }

        EngineOptions build() {
            return new EngineOptions(broker, sqliteFile, jdbcUrl, dbUser, dbPassword, retention, commandTimeout, defaultInterval,
                    effectWindow, minRise, alertTopic, evaluateEvery, maxDatabaseBytes, writeQueue, clock, lowBatteryMv);
        }
    }

    /** What the store is, for /health and logs. */
    public String storeDescription() {
        return jdbcUrl != null ? "PostgreSQL" : "SQLite " + sqliteFile;
    }
}
