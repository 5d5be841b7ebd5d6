package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientIdsTest {

    @Test
    void isTheLowercaseHexOfTheChipId() {
        assertEquals("a4cf12b0c0de", ClientIds.fromChipId(new byte[] {(byte) 0xA4, (byte) 0xCF, 0x12, (byte) 0xB0, (byte) 0xC0, (byte) 0xDE}));
        assertEquals("000102", ClientIds.fromChipId(new byte[] {0, 1, 2}));
    }

    @Test
    void refusesIdsThatMqttCannotCarry() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ClientIds.fromChipId(new byte[0]));
        assertTrue(empty.getMessage().contains("chip id is empty"));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> ClientIds.fromChipId(new byte[12]));
        assertTrue(tooLong.getMessage().contains("23-character"), tooLong.getMessage());
    }
}
