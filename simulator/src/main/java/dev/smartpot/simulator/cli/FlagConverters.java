package dev.smartpot.simulator.cli;

import dev.smartpot.device.text.Durations;
import picocli.CommandLine.ITypeConverter;

/** picocli converters for the simulator's flags: each refuses a bad value with a {@link FlagProblem} that says the fix. */
public final class FlagConverters {

    /** The most pots one run accepts; past it, memory and open files, not the simulator, are the limit. */
    public static final int MAX_DEVICES = 100_000;
    public static final int MAX_THREADS = 1000;
    private static final double MAX_RATE = 1_000_000;

    private FlagConverters() {
    }

    /** {@code --duration}: 15s, 500ms, 2m, 1h; kept as written, for the line that says it was reached. */
    public static class DurationText implements ITypeConverter<String> {
        private final String flag;

        public DurationText() {
            this("--duration");
        }

        protected DurationText(String flag) {
            this.flag = flag;
        }

        @Override
        public String convert(String value) {
            if (Durations.parseMillis(value) <= 0) {
                throw new FlagProblem(flag + " \"" + value + "\" is not a duration. Fix: write a whole number followed by"
                        + " ms, s, m or h, e.g. 15s");
            }
            return value;
        }
    }

    /** {@code --vm-limit}: a duration. */
    public static final class VmLimitText extends DurationText {
        public VmLimitText() {
            super("--vm-limit");
        }
    }

    /** {@code --vm-restart-every}: a duration. */
    public static final class VmRestartText extends DurationText {
        public VmRestartText() {
            super("--vm-restart-every");
        }
    }

    /** {@code --ramp}: {@code 500/s} or {@code 500} connects per second. */
    public static final class ConnectRate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.trim();
            String number = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
            try {
                double rate = Double.parseDouble(number);
                if (rate > 0 && rate <= MAX_RATE && !Double.isNaN(rate)) {
                    return rate;
                }
            } catch (NumberFormatException notANumber) {
                // Refused below.
            }
            throw new FlagProblem("--ramp \"" + value + "\" is not a rate. Fix: write connects per second, e.g. --ramp 500/s");
        }
    }

    /** {@code --devices}: 1 to {@link #MAX_DEVICES} pots. */
    public static final class DeviceCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            Integer n = wholeNumber(value);
            if (n == null || n < 1 || n > MAX_DEVICES) {
                throw new FlagProblem("--devices " + value + " is out of range 1 to " + MAX_DEVICES
                        + ". Fix: pass a pot count such as --devices 1000");
            }
            return n;
        }
    }

    /** {@code --readings}: a count of readings, 1 or more. */
    public static final class ReadingCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Integer n = wholeNumber(value);
            if (n == null || n < 1) {
                throw new FlagProblem("--readings " + value + " is not a count of readings. Fix: pass a whole number of 1 or more,"
                        + " such as --readings 5");
            }
            return (long) n;
        }
    }

    /** {@code --threads}: 1 to {@link #MAX_THREADS} scheduler threads. */
    public static final class ThreadCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            Integer n = wholeNumber(value);
            if (n == null || n < 1 || n > MAX_THREADS) {
                throw new FlagProblem("--threads " + value + " is out of range 1 to " + MAX_THREADS
                        + ". Fix: leave it out (default " + dev.smartpot.simulator.fleet.SimulatedFleet.DEFAULT_THREADS + ")");
            }
            return n;
        }
    }

    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
