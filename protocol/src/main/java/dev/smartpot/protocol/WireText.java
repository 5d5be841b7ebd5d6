package dev.smartpot.protocol;

/** A {@link WireOut} that builds a String, for code that may allocate (tools, benchmarks, tests). */
public final class WireText implements WireOut {

    private final StringBuilder text = new StringBuilder();

    public WireOut append(char c) {
        text.append(c);
        return this;
    }

    public WireOut append(String s) {
        text.append(s);
        return this;
    }

    public WireOut append(long value) {
        text.append(value);
        return this;
    }

    public WireOut appendTenths(int tenths) {
        if (tenths < 0) {
            text.append('-');
        }
        int abs = Math.abs(tenths);
        text.append(abs / 10).append('.').append(abs % 10);
        return this;
    }

    public String toString() {
        return text.toString();
    }
}
