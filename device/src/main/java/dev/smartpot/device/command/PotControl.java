package dev.smartpot.device.command;

import dev.smartpot.device.text.PayloadBuffer;

/** What commands may ask of the running device loop. Called on the loop's own thread. */
public interface PotControl {

    /** Takes a reading now, queued and published like a scheduled one; returns its raw code. */
    int readNow();

    /** Readings taken since boot; the last one has sequence number this minus one. */
    long readingsTaken();

    /** The raw code of the last reading, or -1 before the first. */
    int lastRawCode();

    long intervalMillis();

    /** Uses a new interval from the next reading on. */
    void changeInterval(long millis);

    /** "online", "offline", "refused" or "stopped". */
    String stateName();

    long publishedReadings();

    int queuedReadings();

    long droppedReadings();

    int reconnects();

    /** The most a reading of this boot was taken after its time, in ms. */
    long largestSamplingDelayMillis();

    /** Commands dropped unread since boot because they came faster than the pot handles them. */
    long commandsDropped();

    /** Adds {@code ,"boot":N} and, in deep sleep, {@code ,"power":{...}} (the energy report) to a status reply. */
    void appendPower(PayloadBuffer out);
}
