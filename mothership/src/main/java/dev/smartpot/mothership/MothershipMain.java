package dev.smartpot.mothership;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.smartpot.mothership.backup.BackupPlan;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.ingest.PayloadParser;
import dev.smartpot.mothership.web.security.LoginStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scripts/mothership}: the Pi app that keeps, shows and acts on every pot's readings. */
@Command(name = "mothership", mixinStandardHelpOptions = true, subcommands = {BackupCommand.class, RestoreCommand.class},
        version = "smartpot mothership 0.1.0",
        description = "Subscribes to every pot's readings, stores them (SQLite or PostgreSQL), keeps plant states and "
                + "alerts, waters safely, and serves the dashboard and the REST API.",
        footer = {"", "Exit codes: 0 stopped (Ctrl-C), 1 could not start (broker, store or HTTP address), 2 bad flags,",
                "3 no working broker link for longer than --link-timeout (so a service manager restarts it).",
                "Beyond loopback (--http 0.0.0.0:8080) the dashboard asks for a login: user admin and a password written "
                        + "at first start to DIR/" + LoginStore.SECRETS_FILE + " (owner only; delete it once noted), kept hashed in DIR/"
                        + LoginStore.FILE_NAME + "; --reset-login makes a new one."})
public final class MothershipMain implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_LINK_LOST = 3;
    static final String EMBEDDED = "embedded";

    @Option(names = "--broker", paramLabel = "URL", defaultValue = EMBEDDED,
            description = "'embedded' (default: Moquette on 127.0.0.1, as the simulator runs it) or a broker such as "
                    + "tcp://192.168.1.10:1883 or ssl://pi.local:8883.")
    String broker;

    @Option(names = "--broker-port", paramLabel = "N", defaultValue = "1883",
            description = "Port of the embedded broker; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the dashboard listens (default: ${DEFAULT-VALUE}, this machine only). "
                    + "0.0.0.0:8080 serves the whole network, with a login.")
    String http;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/mothership",
            description = "Folder of the SQLite file and the dashboard login (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL instead of SQLite, e.g. jdbc:postgresql://127.0.0.1:5432/smartpot (several motherships share one).")
    String db;

    @Option(names = "--db-user", paramLabel = "NAME", description = "PostgreSQL user (or put it in the URL).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the PostgreSQL password.")
    Path dbPasswordFile;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Broker login (scripts/broker --secure makes the account 'mothership').")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the broker password (never on the command line).")
    Path passwordFile;

    @Option(names = "--cafile", paramLabel = "FILE", description = "PEM CA that signed the broker's certificate (ssl:// brokers).")
    Path caFile;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = BrokerOptions.DEFAULT_CLIENT_ID,
            description = "MQTT client id; fixed, so the broker keeps readings for it while it is away (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--shared", paramLabel = "GROUP",
            description = "Share the ingest with other motherships (MQTT 5 $share/GROUP/...); use with --db and a distinct --client-id each.")
    String shared;

    @Option(names = "--low-battery-mv", paramLabel = "MV",
            description = "A pot's battery below this raises LOW_BATTERY (default 2200, for 2 x AA).")
    int lowBatteryMv;

    @Option(names = "--link-timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "Exit with code 3 when the broker link has been down this long (e.g. 90s, 5m; 0 = never), "
                    + "so systemd restarts a mothership that cannot get back in (default: ${DEFAULT-VALUE}).")
    String linkTimeout;

    @Option(names = "--max-pots", paramLabel = "N", defaultValue = "10000",
            description = "At most N pots are registered by their first message; messages from further new ids are kept as junk "
                    + "with a warning (default: ${DEFAULT-VALUE}).")
    int maxPots;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate for an HTTPS dashboard (with --tls-key); cookies are then Secure. E.g. one signed by the broker's CA.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Its unencrypted PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----).")
    Path tlsKey;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Back the store up every night into DIR (best on another disk or a network share); the dashboard offers the latest.")
    Path backupDir;

    @Option(names = "--backup-keep", paramLabel = "N", defaultValue = "7",
            description = "Keep the N newest nightly backups in --backup-dir, delete older ones (default: ${DEFAULT-VALUE}).")
    int backupKeep;

    @Option(names = "--backup-at", paramLabel = "HH:MM", defaultValue = "03:00",
            description = "When the nightly backup runs, in this machine's time zone (default: ${DEFAULT-VALUE}).")
    String backupAt;

    @Option(names = "--reset-login", description = "Make a new dashboard password and API token (written to DIR/" + LoginStore.SECRETS_FILE + ").")
    boolean resetLogin;

    @Mixin
    NotifyFlags notify = new NotifyFlags();

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch quit = new CountDownLatch(1);

    public MothershipMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Logs.quietLibraries();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new MothershipMain(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("mothership: " + e.getMessage());
            err.println("Run with --help for the flags.");
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        MothershipApp.Options options;
        BackupPlan backups;
        try {
            options = options();
            backups = backupPlan();
        } catch (IllegalArgumentException | IOException e) {
            err.println("mothership: " + e.getMessage());
            return EXIT_USAGE;
        }
        Duration linkLimit;
        try {
            linkLimit = LinkWatch.parse(linkTimeout);
        } catch (IllegalArgumentException e) {
            err.println("mothership: " + e.getMessage());
            return EXIT_USAGE;
        }
        MothershipApp app;
        try {
            app = MothershipApp.start(options, backups);
        } catch (MothershipApp.StartException e) {
            err.println("mothership: " + e.getMessage());
            return EXIT_FAILED;
        }
        Banner.print(out, app, options);
        if (backups.enabled()) {
            out.println("mothership: nightly backup at " + backups.at() + " into " + backups.dir() + ", keeping the " + backups.keep() + " newest");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            quit.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicInteger exitCode = new AtomicInteger(EXIT_OK);
        ScheduledExecutorService watch = watchLink(app, linkLimit, exitCode);
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watch.shutdownNow();
            out.println("mothership: stopping");
            app.close();
            stopped.countDown();
        }
        return exitCode.get();
    }

    /** Checks the broker link every second; gives up (exit 3) when it stayed down past the limit. */
    private ScheduledExecutorService watchLink(MothershipApp app, Duration limit, AtomicInteger exitCode) {
        LinkWatch link = new LinkWatch(limit, System.currentTimeMillis());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "link-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (link.downTooLong(app.engine().health().brokerConnected(), System.currentTimeMillis())) {
                err.println("mothership: no working link to the broker " + app.brokerUrl() + " for " + linkTimeout
                        + " (the log above says why); exiting with code " + EXIT_LINK_LOST
                        + " so that the service manager starts it afresh. Fix: check the broker and the mothership's login;"
                        + " --link-timeout 0 keeps it waiting instead");
                exitCode.set(EXIT_LINK_LOST);
                quit.countDown();
            }
        }, 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    MothershipApp.Options options() throws IOException {
        HostPort listen = HostPort.parse(http);
        BrokerOptions brokerOptions = null;
        if (!broker.equals(EMBEDDED)) {
            String url = broker.contains("://") ? broker : "tcp://" + broker + (broker.contains(":") ? "" : ":1883");
            brokerOptions = new BrokerOptions(url, username, secret(passwordFile, "--password-file"), caFile, clientId, shared, false);
            if (caFile != null && !Files.isReadable(caFile)) {
                throw new IllegalArgumentException("--cafile " + caFile
                        + " cannot be read. Fix: pass the CA's PEM file (scripts/broker --secure writes .broker-secure/ca.crt)");
            }
        } else if (username != null || passwordFile != null || caFile != null || shared != null) {
            throw new IllegalArgumentException("--username, --password-file, --cafile and --shared are for a real broker, but --broker is embedded."
                    + " Fix: pass --broker tcp://HOST:1883 (or ssl://HOST:8883)");
        }
        if (shared != null && db == null) {
            throw new IllegalArgumentException("--shared " + shared + " splits the readings among motherships, so each must write to the same store."
                    + " Fix: add --db jdbc:postgresql://HOST:5432/DB");
        }
        if (db != null && !db.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db \"" + db + "\" is not a PostgreSQL JDBC URL. Fix: write jdbc:postgresql://HOST:5432/DATABASE,"
                    + " or leave --db out for SQLite in --data");
        }
        // 0 (the flag left out) is the default; MothershipApp.Options says which.
        if (lowBatteryMv < 0 || lowBatteryMv > PayloadParser.MAX_BATTERY_MV) {
            throw new IllegalArgumentException("--low-battery-mv " + lowBatteryMv + " is not a battery voltage. Fix: give"
                    + " millivolts from 1 to " + PayloadParser.MAX_BATTERY_MV + ", e.g. 2200 for 2 x AA or 3400 for a Li-ion cell");
        }
        if (maxPots < 1) {
            throw new IllegalArgumentException("--max-pots " + maxPots + " is not a number of pots. Fix: give 1 or more, e.g. 10000");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together. Fix: pass both PEM files (HTTPS), or neither (HTTP)");
        }
        for (Path f : new Path[] {tlsCert, tlsKey}) {
            if (f != null && !Files.isReadable(f)) {
                throw new IllegalArgumentException(f + " cannot be read. Fix: pass a readable PEM file to --tls-cert and --tls-key");
            }
        }
        return new MothershipApp.Options(brokerOptions, brokerPort, listen.host(), listen.port(), data, db, dbUser,
                secret(dbPasswordFile, "--db-password-file"), resetLogin, null, lowBatteryMv, tlsCert, tlsKey, maxPots, notify.options());
    }

    BackupPlan backupPlan() {
        if (backupDir == null) {
            return BackupPlan.NONE;
        }
        LocalTime at;
        try {
            at = LocalTime.parse(backupAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--backup-at \"" + backupAt + "\" is not a time of day. Fix: write HH:MM, e.g. 03:00");
        }
        return new BackupPlan(backupDir, backupKeep, at);
    }

    /** A secret from a file (first line), so it shows in no process list or shell history. */
    static String secret(Path file, String flag) throws IOException {
        if (file == null) {
            return null;
        }
        if (!Files.isReadable(file)) {
            throw new IOException(flag + " " + file
                    + " cannot be read. Fix: create it with the password on its first line, readable by this user only (chmod 600)");
        }
        String text = Files.readString(file).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
