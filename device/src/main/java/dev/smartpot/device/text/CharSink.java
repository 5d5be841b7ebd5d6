package dev.smartpot.device.text;

/** A reusable text buffer {@link Decimal} writes numbers into: a log line, a payload. */
interface CharSink {

    CharSink append(char c);
}
