package dev.smartpot.device.state;

import java.io.IOException;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * A small record in flash that bounds what a power cut loses: the boot counter, a ceiling no {@code seq} has reached
 * yet, and the oldest reading not yet known to be delivered. Written at each boot and each time {@code seq} reaches
 * the ceiling ({@value #SPAN} readings apart: at a reading every 5 s, one write in 21 minutes; at every 15 minutes,
 * one in 2.7 days), so flash wear stays far below NVS's budget. After a power cut the pot carries on from the
 * ceiling with the next boot number and reports the readings from the oldest undelivered one up to the ceiling as
 * {@code dropped}: at most {@value #SPAN} plus what was queued at the last write, and some of them may have arrived
 * (the mothership has those by {@code seq}).
 */
final class SequenceMark {

    static final int SPAN = 256;

    private final SettingsStore store;
    private final Log log;
    /** The mark's text, rebuilt in place at each write: the steady loop writes one every {@value #SPAN} readings. */
    private final PayloadBuffer text = new PayloadBuffer(160);
    private long ceiling = Long.MAX_VALUE;
    private int boot;
    private long undelivered;
    private boolean found;

    /** @param store null: no mark, a power cut starts the pot afresh */
    SequenceMark(SettingsStore store, Log log) {
        this.store = store;
        this.log = log;
    }

    /** Reads the mark; true if there is a usable one. */
    boolean load() {
        if (store == null) {
            return false;
        }
        try {
            String text = store.load();
            if (text == null) {
                return false;
            }
            ConfigSource mark = ConfigSource.parse(text, "sequence mark");
            boot = (int) number(mark, "boot");
            ceiling = number(mark, "seq.ceiling");
            undelivered = number(mark, "seq.undelivered");
            found = boot > 0 && ceiling >= 0 && undelivered >= 0 && undelivered <= ceiling;
            return found;
        } catch (IOException e) {
            log.warn("the sequence mark could not be read (" + e.getMessage() + "): seq starts from 0");
            return false;
        }
    }

    private static long number(ConfigSource source, String key) {
        ConfigSource.Entry e = source.get(key);
        if (e == null) {
            return -1;
        }
        try {
            return Long.parseLong(e.value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    int boot() {
        return boot;
    }

    long ceiling() {
        return ceiling;
    }

    long undelivered() {
        return undelivered;
    }

    /** True once {@code nextSeq} reached the ceiling written last: time to write the next one. */
    boolean due(long nextSeq) {
        return store != null && nextSeq >= ceiling;
    }

    /** Writes a new mark: {@code seq} stays under {@code nextSeq + SPAN} until the next write. */
    void write(int bootNow, long nextSeq, long oldestUndelivered) {
        if (store == null) {
            return;
        }
        ceiling = nextSeq + SPAN;
        text.clear();
        text.append("# Written by the pot: bounds what a power cut loses. Delete it to start seq from 0.\n")
                .append("boot = ").append(bootNow).append("\nseq.ceiling = ").append(ceiling)
                .append("\nseq.undelivered = ").append(oldestUndelivered).append('\n');
        try {
            store.save(text.bytes(), text.length());
        } catch (IOException e) {
            log.warn("the sequence mark could not be written (" + e.getMessage() + "): a power cut may restart seq from "
                    + (found ? Long.toString(this.ceiling) : "0"));
        }
    }
}
