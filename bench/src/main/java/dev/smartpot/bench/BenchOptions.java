package dev.smartpot.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The flags of {@code scripts/bench}, as picocli reads them; each list is checked by its converter. */
@Command(name = "scripts/bench", mixinStandardHelpOptions = true,
        description = "Runs the benchmarks and writes BENCHMARKS.md (about 12 minutes on 2 cores; loopback only).",
        footer = {"", "Exit codes: 0 done, 1 a benchmark failed, 2 bad flags."})
class BenchOptions {

    static final String ALL = "transports,latency,recovery,fleet,footprint";
    /** "max" is the most pots this machine's open-file limit allows (one socket per pot in each process). */
    static final String DEFAULT_FLEET = "1000,5000,10000,max";

    @Option(names = "--sections", paramLabel = "LIST", defaultValue = ALL, converter = SectionList.class,
            description = "Comma-separated sections to run (default: ${DEFAULT-VALUE}).")
    Sections sections;

    @Option(names = "--fleet", paramLabel = "LIST", defaultValue = DEFAULT_FLEET, converter = FleetSteps.class,
            description = "Fleet sizes to step through; max = as many pots as the open-file limit allows (default: ${DEFAULT-VALUE}).")
    FleetPlan fleetPlan;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
            description = "Where the report is written (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The sections chosen with {@code --sections}, in the order given. */
    record Sections(Set<String> names) {
        boolean contains(String section) {
            return names.contains(section);
        }
    }

    /** The fleet sizes of {@code --fleet}. */
    record FleetPlan(int[] steps) {
    }

    /** {@code --sections}: names from {@link #ALL}. */
    static final class SectionList implements ITypeConverter<Sections> {
        @Override
        public Sections convert(String value) {
            Set<String> chosen = new LinkedHashSet<>(List.of(value.split(",")));
            for (String s : chosen) {
                if (!List.of(ALL.split(",")).contains(s)) {
                    throw new CommandLine.TypeConversionException("unknown section \"" + s + "\"; pick from " + ALL);
                }
            }
            return new Sections(chosen);
        }
    }

    /** {@code --fleet}: pot counts, or max. */
    static final class FleetSteps implements ITypeConverter<FleetPlan> {
        @Override
        public FleetPlan convert(String value) {
            try {
                return new FleetPlan(Arrays.stream(value.split(","))
                        .mapToInt(s -> s.equals("max") ? Machine.maxFleet() : Integer.parseInt(s)).toArray());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("--fleet \"" + value + "\" is not a list of pot counts, e.g. --fleet 1000,5000,10000");
            }
        }
    }
}
