package dev.smartpot.protocol;

/** Where an encoder writes a payload: the pot's reusable buffer, so encoding allocates nothing. */
public interface WireOut {

    WireOut append(char c);

    /** ASCII text. */
    WireOut append(String s);

    WireOut append(long value);

    /** {@code tenths / 10} with exactly one decimal, e.g. 413 as 41.3. */
    WireOut appendTenths(int tenths);
}
