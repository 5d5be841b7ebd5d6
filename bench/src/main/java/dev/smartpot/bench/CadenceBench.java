package dev.smartpot.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.smartpot.host.LogTuning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-cadence}: the sampling delay of a fleet of pots while the broker restarts, for one or more
 * builds of the project side by side (e.g. before and after a change), measured from the wire alone. Prints a
 * Markdown section for BENCHMARKS.md on stdout and writes its charts as PNG files; progress goes to stderr.
 */
@Command(name = "scripts/bench-cadence", mixinStandardHelpOptions = true,
        description = "Sampling delay (p50/p99/max) of a fleet of pots during a broker restart; loopback only.")
public final class CadenceBench implements Callable<Integer> {

    @Option(names = "--pots", defaultValue = "1000", description = "Pots in the fleet (default: ${DEFAULT-VALUE}).")
    int pots;

    @Option(names = "--interval-ms", defaultValue = "5000",
            description = "Time between a pot's readings, ms (default: ${DEFAULT-VALUE}, the pot's default publish.interval).")
    long intervalMs;

    @Option(names = "--steady", defaultValue = "30", description = "Seconds of steady running before the stop (default: ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--down", defaultValue = "10", description = "Seconds the broker stays down (default: ${DEFAULT-VALUE}).")
    int downSeconds;

    @Option(names = "--after", defaultValue = "60", description = "Seconds measured after the restart (default: ${DEFAULT-VALUE}).")
    int afterSeconds;

    @Option(names = "--outage", defaultValue = "restart", paramLabel = "restart|freeze",
            description = "restart: the broker is stopped (SIGTERM) and started again; freeze: it is stopped with SIGSTOP "
                    + "and continued (its sockets stay open and nothing answers, as a hung or overloaded broker). "
                    + "Default: ${DEFAULT-VALUE}.")
    String outage;

    @Option(names = "--side", paramLabel = "NAME=CLASSPATH",
            description = "A build to measure, by a name and the classpath of its bench (jar and lib/*); repeat for "
                    + "several, in order. Default: this build, named \"this build\".")
    List<String> sides = new ArrayList<>();

    @Option(names = "--charts", paramLabel = "DIR", defaultValue = "docs/bench",
            description = "Where the PNG charts go (default: ${DEFAULT-VALUE}).")
    Path charts;

    @Option(names = "--logs", paramLabel = "DIR", defaultValue = "bench/target/cadence",
            description = "Where each fleet's console log goes (default: ${DEFAULT-VALUE}).")
    Path logs;

    public static void main(String[] args) {
        LogTuning.quietLibraries();
        CommandLine cli = new CommandLine(new CadenceBench());
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("bench-cadence: " + e.getMessage() + ". Fix: see scripts/bench-cadence --help");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> builds = builds();
        if (!outage.equals("restart") && !outage.equals("freeze")) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--outage \"" + outage + "\" is not restart or freeze; write one of those");
        }
        boolean freeze = outage.equals("freeze");
        PrintStream progress = System.err;
        CadenceRun run = new CadenceRun(progress, pots, intervalMs, steadySeconds, downSeconds, afterSeconds, logs, freeze);
        List<CadenceRun.Result> results = new ArrayList<>();
        for (Map.Entry<String, String> build : builds.entrySet()) {
            results.add(run.run(build.getKey(), build.getValue()));
        }
        List<Path> written = new CadenceCharts(charts, outage).write(results);
        System.out.print(new CadenceReport(pots, intervalMs, steadySeconds, downSeconds, afterSeconds, freeze).markdown(results, written));
        return 0;
    }

    /** The builds to measure, by name, in the order given. */
    private Map<String, String> builds() {
        Map<String, String> builds = new LinkedHashMap<>();
        if (sides.isEmpty()) {
            builds.put("this build", System.getProperty("java.class.path"));
        }
        for (String side : sides) {
            int eq = side.indexOf('=');
            if (eq <= 0 || eq == side.length() - 1) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--side \"" + side + "\" is not NAME=CLASSPATH, e.g. --side before=../old/bench/target/lib/*");
            }
            builds.put(side.substring(0, eq), side.substring(eq + 1));
        }
        return builds;
    }
}
