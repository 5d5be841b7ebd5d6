package dev.smartpot.device.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;

/** Layout 2 (with the link memory): a state stored by the layout before it reads as nothing, never as garbage. */
class RetainedLayoutTest {

    @Test
    void aStateInTheFormerLayoutReadsAsNothing() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        // Layout 1: "SPR1", boot 3, no readings, seq 40, the rest zero, a valid CRC-32 over it.
        byte[] old = new byte[4 + 4 + 4 + 8 * 7 + 4 + 4 + 4];
        old[0] = 'S';
        old[1] = 'P';
        old[2] = 'R';
        old[3] = '1';
        old[7] = 3;
        old[19] = 40;
        int crc = Crc32.of(old, 0, old.length - 4);
        for (int i = 0; i < 4; i++) {
            old[old.length - 4 + i] = (byte) (crc >>> (24 - 8 * i));
        }
        rtc.store(old, old.length);
        TestPot pot = new TestPot("publish.interval = 5s\n", new MemorySettingsStore(), false, rtc);
        assertEquals(1, pot.node.boot(), "not boot 4: the old layout is not read");
        assertTrue(pot.log.all().contains("retained memory holds no state (first power-up or a power cut): boot 1, seq from 0"),
                pot.log.all());
    }

    @Test
    void theLinkMemoryOutlivesAReset() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = new TestPot("publish.interval = 5s\n", new MemorySettingsStore(), false, rtc);
        first.runFor(6_000);
        first.node.shutdown();
        TestPot second = new TestPot("publish.interval = 5s\n", new MemorySettingsStore(), false, rtc);
        second.runFor(1_000);
        assertEquals("hint 2aabbccddee/6", second.wifi.joinKinds.get(0), "the access point saved before the reset");
    }
}
