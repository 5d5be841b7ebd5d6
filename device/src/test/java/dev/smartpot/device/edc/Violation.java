package dev.smartpot.device.edc;

/** One thing in a class file that would not run on MicroEJ's EDC profile. */
public final class Violation {

    /** The class that holds the offending code, dotted. */
    public final String className;
    /** What it uses: a JDK member ({@code java.lang.String.format(String, Object[])}), a type, or a feature. */
    public final String member;
    /** Where: a method ({@code dev.smartpot.X.run()}), a field, or "the class declaration". */
    public final String caller;
    /** Why it is not allowed, and what to do instead. */
    public final String reason;

    Violation(String className, String member, String caller, String reason) {
        this.className = className;
        this.member = member;
        this.caller = caller;
        this.reason = reason;
    }

    /** e.g. {@code dev.smartpot.X: dev.smartpot.X.describe(int) uses java.lang.String.format(String, Object[]): ...}. */
    public String message() {
        return className + ": " + caller + " uses " + member + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation && message().equals(((Violation) o).message());
    }

    @Override
    public int hashCode() {
        return message().hashCode();
    }
}
