package dev.smartpot.device.reading;

import dev.smartpot.device.text.PayloadBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PayloadEncoderTest {

    private final MoistureScale scale = new MoistureScale(3200, 1400, 12);
    private final PayloadBuffer out = new PayloadBuffer(8);

    @Test
    void jsonHasTheDocumentedFields() {
        new PayloadEncoder(PayloadEncoder.JSON, "a4cf12b0c0de", scale).encode(out, 7, 35000, 0, 2210, 0);
        assertEquals("{\"id\":\"a4cf12b0c0de\",\"seq\":7,\"boot\":1,\"raw\":2210,\"moisture\":55.0,\"uptime_ms\":35000}", out.toString());
    }

    @Test
    void moistureHasOneDecimalAndIsClamped() {
        PayloadEncoder e = new PayloadEncoder(PayloadEncoder.JSON, "x", scale);
        e.encode(out, 0, 0, 0, 3199, 0);
        assertEquals("{\"id\":\"x\",\"seq\":0,\"boot\":1,\"raw\":3199,\"moisture\":0.1,\"uptime_ms\":0}", out.toString());
        e.encode(out, 0, 0, 0, 3500, 0);
        assertEquals("{\"id\":\"x\",\"seq\":0,\"boot\":1,\"raw\":3500,\"moisture\":0.0,\"uptime_ms\":0}", out.toString());
        e.encode(out, 0, 0, 0, 1000, 0);
        assertEquals("{\"id\":\"x\",\"seq\":0,\"boot\":1,\"raw\":1000,\"moisture\":100.0,\"uptime_ms\":0}", out.toString());
    }

    @Test
    void faultsReplaceMoistureAndExtrasAppearOnlyWhenKnown() {
        PayloadEncoder e = new PayloadEncoder(PayloadEncoder.JSON, "x", scale);
        e.encode(out, 3, 10, 1_700_000_000_000L, 4095, 12);
        assertEquals("{\"id\":\"x\",\"seq\":3,\"boot\":1,\"raw\":4095,\"fault\":\"shorted\",\"uptime_ms\":10,\"ts\":1700000000000,\"dropped\":12}",
                out.toString());
        e.encode(out, 4, 10, 0, 0, 0);
        assertEquals("{\"id\":\"x\",\"seq\":4,\"boot\":1,\"raw\":0,\"fault\":\"disconnected\",\"uptime_ms\":10}", out.toString());
    }

    @Test
    void textIsTheTutorialsLine() {
        new PayloadEncoder(PayloadEncoder.TEXT, "x", scale).encode(out, 42, 0, 0, 2000, 0);
        assertEquals("Test to mothership #42", out.toString());
    }

    @Test
    void reusesItsBufferOnceGrown() {
        PayloadEncoder e = new PayloadEncoder(PayloadEncoder.JSON, "a4cf12b0c0de", scale);
        e.encode(out, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 2000, Long.MAX_VALUE);
        byte[] grown = out.bytes();
        e.encode(out, 1, 1, 1, 2000, 1);
        assertEquals(grown, out.bytes());
    }
}
