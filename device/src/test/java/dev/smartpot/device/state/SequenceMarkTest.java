package dev.smartpot.device.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.fakes.ListLog;

/** The flash mark is written from a reused byte buffer (the steady loop builds no String) and reads back whole. */
class SequenceMarkTest {

    /** Flash that takes bytes only: a String save would mean the loop built one. */
    private static final class ByteFlash implements SettingsStore {
        String text;
        int writes;

        public String load() {
            return text;
        }

        public void save(String text) {
            throw new AssertionError("the mark went through save(String): " + text);
        }

        public void save(byte[] bytes, int length) {
            text = new String(bytes, 0, length, StandardCharsets.US_ASCII);
            writes++;
        }
    }

    @Test
    void aMarkWrittenFromTheBufferReadsBackAndTheNextOneReplacesIt() {
        ByteFlash flash = new ByteFlash();
        SequenceMark mark = new SequenceMark(flash, new ListLog());
        mark.write(3, 1000, 990);
        assertTrue(flash.text.startsWith("# Written by the pot"), flash.text);
        assertTrue(mark.due(1256) && !mark.due(1255), "the next write is due at the ceiling");
        mark.write(3, 1256, 1250);
        assertEquals(2, flash.writes);

        SequenceMark read = new SequenceMark(flash, new ListLog());
        assertTrue(read.load());
        assertEquals(3, read.boot());
        assertEquals(1512, read.ceiling());
        assertEquals(1250, read.undelivered());
    }
}
