package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.mothership.backup.BackupException;
import dev.smartpot.mothership.backup.BackupPlan;
import dev.smartpot.mothership.backup.BackupRoutes;
import dev.smartpot.mothership.backup.BackupSocket;
import dev.smartpot.mothership.backup.NightlyBackups;
import dev.smartpot.mothership.backup.StoreAddress;
import dev.smartpot.mothership.store.StoreErrors;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.notify.NotifyOptions;
import dev.smartpot.mothership.metrics.EngineSources;
import dev.smartpot.mothership.metrics.MetricsRoute;
import dev.smartpot.mothership.metrics.MothershipMetrics;
import dev.smartpot.mothership.web.WebServer;

/**
 * The running mothership: the embedded broker when asked for, the engine, and the web server, started in
 * that order and closed in the reverse one. The composition root shared by {@code scripts/mothership}
 * and the demo.
 */
public final class MothershipApp implements AutoCloseable {

    /**
     * @param broker       how to reach the broker; null starts the embedded one on {@code embeddedPort}
     * @param embeddedPort preferred port of the embedded broker (a free one if taken; 0 = any)
     * @param jdbcUrl      PostgreSQL; null for SQLite in {@code dataDir}
     * @param lowBatteryMv a battery below this raises LOW_BATTERY; 0 for the default (2,200 mV, 2 x AA)
     * @param tlsCert      PEM certificate (with {@code tlsKey}) for an HTTPS dashboard; null for plain HTTP
     * @param maxPots      pots registered by their first message at most; 0 for the default (10,000)
     * @param notifications notification targets and how to deliver; null for none but those added on the dashboard
     */
    public record Options(BrokerOptions broker, int embeddedPort, String httpHost, int httpPort, Path dataDir,
                          String jdbcUrl, String dbUser, String dbPassword, boolean resetLogin, Duration commandTimeout,
                          int lowBatteryMv, Path tlsCert, Path tlsKey, int maxPots, NotifyOptions notifications) {

        public static final String SQLITE_FILE = "mothership.db";

        public Options {
            notifications = notifications == null ? NotifyOptions.NONE : notifications;
        }

        /** No notification targets but those added on the dashboard. */
        public Options(BrokerOptions broker, int embeddedPort, String httpHost, int httpPort, Path dataDir,
                       String jdbcUrl, String dbUser, String dbPassword, boolean resetLogin, Duration commandTimeout,
                       int lowBatteryMv, Path tlsCert, Path tlsKey, int maxPots) {
            this(broker, embeddedPort, httpHost, httpPort, dataDir, jdbcUrl, dbUser, dbPassword, resetLogin, commandTimeout,
                    lowBatteryMv, tlsCert, tlsKey, maxPots, null);
        }

        /** Plain HTTP. */
        public Options(BrokerOptions broker, int embeddedPort, String httpHost, int httpPort, Path dataDir,
                       String jdbcUrl, String dbUser, String dbPassword, boolean resetLogin, Duration commandTimeout,
                       int lowBatteryMv) {
            this(broker, embeddedPort, httpHost, httpPort, dataDir, jdbcUrl, dbUser, dbPassword, resetLogin, commandTimeout,
                    lowBatteryMv, null, null, 0);
        }

        /** The default low-battery threshold. */
        public Options(BrokerOptions broker, int embeddedPort, String httpHost, int httpPort, Path dataDir,
                       String jdbcUrl, String dbUser, String dbPassword, boolean resetLogin, Duration commandTimeout) {
            this(broker, embeddedPort, httpHost, httpPort, dataDir, jdbcUrl, dbUser, dbPassword, resetLogin, commandTimeout, 0);
        }

        EngineOptions engineOptions(BrokerOptions resolvedBroker) {
            EngineOptions o = jdbcUrl != null ? EngineOptions.postgres(resolvedBroker, jdbcUrl, dbUser, dbPassword)
                    : EngineOptions.sqlite(resolvedBroker, dataDir.resolve(SQLITE_FILE));
            if (lowBatteryMv > 0) {
                o = o.withLowBatteryMv(lowBatteryMv);
            }
            return commandTimeout == null ? o : o.withCommandTimeout(commandTimeout);
        }
    }

    private final EmbeddedBroker embeddedBroker;
    private final MothershipEngine engine;
    private final WebServer web;
    private final String brokerUrl;
    private final NightlyBackups nightly;
    private final BackupSocket backupSocket;

    private MothershipApp(EmbeddedBroker embeddedBroker, MothershipEngine engine, WebServer web, String brokerUrl,
                          NightlyBackups nightly, BackupSocket backupSocket) {
        this.nightly = nightly;
        this.backupSocket = backupSocket;
        this.embeddedBroker = embeddedBroker;
        this.engine = engine;
        this.web = web;
        this.brokerUrl = brokerUrl;
    }

    /**
     * Starts everything, or nothing: on any failure what was started is closed again before the error is thrown.
     *
     * @throws StartException with a message that names the problem and the fix
     */
    public static MothershipApp start(Options o) throws StartException {
        return start(o, BackupPlan.NONE);
    }

    /** With nightly backups as planned ({@link BackupPlan#NONE} for none). */
    public static MothershipApp start(Options o, BackupPlan backupPlan) throws StartException {
        EmbeddedBroker embedded = null;
        MothershipEngine engine = null;
        NightlyBackups nightly = null;
        BackupSocket backupSocket = null;
        try {
            BrokerOptions broker = o.broker();
            if (broker == null) {
                embedded = startEmbedded(o.embeddedPort());
                broker = BrokerOptions.plain(embedded.uri());
            }
            try {
                String note = DataFolder.makePrivate(o.dataDir(), o.jdbcUrl() == null ? o.dataDir().resolve(Options.SQLITE_FILE) : null);
                if (note != null) {
                    System.out.println("mothership: " + note);
                }
            } catch (IOException e) {
                throw new StartException("the data folder " + o.dataDir() + " cannot be made: " + e.getMessage()
                        + ". Fix: pass --data with a folder this user may create and write", e);
            }
            engine = new MothershipEngine(o.engineOptions(broker), o.notifications());
            try {
                engine.start();
                if (o.maxPots() > 0) {
                    engine.limitPots(o.maxPots());
                }
            } catch (SQLException e) {
                if (o.jdbcUrl() == null && StoreErrors.locked(e)) {
                    throw new StartException("another program holds " + o.dataDir().resolve(Options.SQLITE_FILE) + " (a mothership"
                            + " already running on that folder?). Fix: stop it, or pass --data with another folder", e);
                }
                throw new StartException("the store did not open: " + e.getMessage() + ". Fix: "
                        + (o.jdbcUrl() != null ? "check --db (server running? database, user and password right?)"
                        : "check that " + o.dataDir() + " is writable and has free space, or pass --data DIR"), e);
            }
            // The command wait of the web layer outlasts the engine's own timeout, which answers "no-reply".
            Duration wait = (o.commandTimeout() == null ? Duration.ofSeconds(10) : o.commandTimeout()).plusSeconds(5);
            if (backupPlan.enabled()) {
                nightly = startBackups(o, backupPlan);
            }
            if (o.jdbcUrl() == null) {
                backupSocket = openBackupSocket(o.dataDir());
            }
            MothershipMetrics metrics = new MothershipMetrics(new EngineSources(engine));
            engine.observeBatches(metrics);
            WebServer web;
            try {
                web = WebServer.start(engine, new WebServer.Options(o.httpHost(), o.httpPort(), o.dataDir(), o.resetLogin(), wait,
                        o.tlsCert(), o.tlsKey()), List.of(new MetricsRoute(metrics)::register, new BackupRoutes(nightly)::register));
            } catch (IOException e) {
                throw new StartException("the dashboard did not start: " + e.getMessage(), e);
            }
            engine.dashboardAt(web.url());
            return new MothershipApp(embedded, engine, web, broker.url(), nightly, backupSocket);
        } catch (StartException | RuntimeException e) {
            if (backupSocket != null) {
                backupSocket.close();
            }
            if (nightly != null) {
                nightly.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (e instanceof IllegalArgumentException bad) {
                throw new StartException(bad.getMessage(), bad);
            }
            throw e;
        }
    }

    private static NightlyBackups startBackups(Options o, BackupPlan plan) throws StartException {
        StoreAddress store = o.jdbcUrl() != null ? new StoreAddress(o.jdbcUrl(), o.dbUser(), o.dbPassword())
                : StoreAddress.sqlite(o.dataDir().resolve(Options.SQLITE_FILE));
        try {
            NightlyBackups nightly = new NightlyBackups(store, plan, Clock.systemDefaultZone());
            nightly.start();
            return nightly;
        } catch (BackupException e) {
            throw new StartException(e.getMessage(), e);
        }
    }

    /** Null when the socket cannot be made: the mothership runs, and a backup by hand waits for its stop. */
    private static BackupSocket openBackupSocket(Path dataDir) {
        try {
            return BackupSocket.open(dataDir, StoreAddress.sqlite(dataDir.resolve(Options.SQLITE_FILE)));
        } catch (IOException | RuntimeException e) {
            System.err.println("mothership: backups by hand cannot reach this mothership (" + dataDir.resolve(BackupSocket.FILE) + ": "
                    + e.getMessage() + "); --backup-dir backs up while it runs, or stop it for scripts/mothership backup");
            return null;
        }
    }

    private static EmbeddedBroker startEmbedded(int port) throws StartException {
        try {
            return EmbeddedBroker.start(port);
        } catch (IOException | RuntimeException e) {
            throw new StartException("the embedded broker did not start: " + e.getMessage()
                    + ". Fix: pass --broker-port with a free port, or --broker tcp://HOST:1883 for a running broker", e);
        }
    }

    public String dashboardUrl() {
        return web.url();
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    /** Null when the broker is not ours. */
    public EmbeddedBroker embeddedBroker() {
        return embeddedBroker;
    }

    public MothershipEngine engine() {
        return engine;
    }

    public WebServer web() {
        return web;
    }

    /** Null without --backup-dir. */
    public NightlyBackups nightlyBackups() {
        return nightly;
    }

    @Override
    public void close() {
        if (backupSocket != null) {
            backupSocket.close();
        }
        if (nightly != null) {
            nightly.close();
        }
        web.close();
        engine.close();
        if (embeddedBroker != null) {
            embeddedBroker.close();
        }
    }

    /** The mothership could not start; the message says why and what to do. */
    public static final class StartException extends Exception {
        public StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
