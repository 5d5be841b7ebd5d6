package dev.smartpot.simulator.cli;

/** A flag's value that cannot be used; the message names the flag, the value and the fix, and is printed as is. */
public final class FlagProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FlagProblem(String message) {
        super(message);
    }

    /** The problem behind a picocli parameter error, if one of our converters raised it. */
    public static FlagProblem in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FlagProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
