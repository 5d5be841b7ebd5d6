package dev.smartpot.demo;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.text.Durations;
import dev.smartpot.mothership.HostPort;
import dev.smartpot.mothership.Logs;
import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.protocol.WireTopics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/demo}: the whole system, pots + broker + mothership, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true, version = "smartpot demo 0.1.0",
        description = "Starts an embedded MQTT broker, the mothership with its dashboard, and a few simulated pots "
                + "(one dries fast, turns DRY and is watered automatically). Prints the dashboard URL; Ctrl-C stops all.",
        footer = {"", "Exit codes: 0 stopped (Ctrl-C), 1 could not start, 2 bad flags."})
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--pots", paramLabel = "N", defaultValue = "3", description = "Simulated pots, 1 to 50 (default: ${DEFAULT-VALUE}).")
    int pots;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Reading interval of the pots (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the dashboard listens (default: ${DEFAULT-VALUE}; 127.0.0.1:0 picks a free port).")
    String http;

    @Option(names = "--broker-port", paramLabel = "N", defaultValue = "1883",
            description = "Port of the embedded broker; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/demo",
            description = "The demo mothership's SQLite file, kept between runs (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--pot-logs", description = "Print every pot's own log lines too.")
    boolean potLogs;

    private final PrintStream out;
    private final PrintStream err;

    DemoMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Logs.quietLibraries();
        CommandLine cli = new CommandLine(new DemoMain(System.out, System.err));
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("demo: " + e.getMessage());
            System.err.println("Run with --help for the flags.");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        long intervalMillis = Durations.parseMillis(interval);
        if (pots < 1 || pots > 50 || intervalMillis < 200) {
            err.println("demo: --pots " + pots + " --interval " + interval + ": expected 1 to 50 pots and an interval of at least 200ms."
                    + " Fix: e.g. --pots 3 --interval 2s");
            return 2;
        }
        HostPort listen;
        try {
            listen = HostPort.parse(http);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return 2;
        }
        DemoSystem demo;
        try {
            demo = DemoSystem.start(new DemoSystem.Options(pots, Duration.ofMillis(intervalMillis), listen.host(),
                    listen.port(), brokerPort, data, potLogs ? out::println : line -> { }));
        } catch (MothershipApp.StartException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        }
        out.println("smartpot demo: " + pots + " simulated pots, an embedded broker and the mothership");
        out.println();
        out.println("  dashboard:  " + demo.dashboardUrl() + "   <- open this");
        out.println("  broker:     " + demo.brokerUrl() + "   (mosquitto_sub -h 127.0.0.1 -p " + demo.mothership().embeddedBroker().port()
                + " -t " + WireTopics.UP + " -t '" + WireTopics.UP + "/#' -v)");
        out.println("  API:        curl " + demo.dashboardUrl() + "api/pots");
        for (int i = 0; i < demo.pots().size(); i++) {
            DemoPot p = demo.plan().get(i);
            out.println("  pot " + demo.pots().get(i).clientId() + "  " + p.name() + " (" + p.room() + "), soil " + p.moisture() + "%"
                    + (p.settings().autoWater() ? ", dries fast, watered automatically" : ""));
        }
        out.println("  Ctrl-C to stop");
        CountDownLatch quit = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            quit.countDown();
            try {
                stopped.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c"));
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.println("demo: stopping the pots, the mothership and the broker");
            demo.close();
            stopped.countDown();
        }
        return 0;
    }
}
