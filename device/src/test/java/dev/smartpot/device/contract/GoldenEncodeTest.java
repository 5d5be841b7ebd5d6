package dev.smartpot.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.PayloadEncoder;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.GoldenMessages;
import dev.smartpot.protocol.GoldenMessages.Golden;
import dev.smartpot.protocol.WakePhases;

/**
 * The pot's side of the contract: what the core writes is the golden messages byte for byte (the protocol's and the
 * mothership's tests decode the same bytes), so a change to what the pot sends fails here, not only end to end.
 */
class GoldenEncodeTest {

    private final MoistureScale scale = new MoistureScale(3200, 1400, 12);
    private final PayloadBuffer out = new PayloadBuffer(16);

    @Test
    void readingsAreTheGoldenBytes() {
        new PayloadEncoder(PayloadEncoder.JSON, GoldenMessages.POT, scale, 3)
                .encode(out, 7, 35000, 1_700_000_000_000L, 2210, 2);
        assertEquals(GoldenMessages.READING.payload(), out.toString());
        new PayloadEncoder(PayloadEncoder.JSON, GoldenMessages.POT, scale, 3).encode(out, 9, 45000, 0, 4095, 0);
        assertEquals(GoldenMessages.READING_FAULT.payload(), out.toString());
        new PayloadEncoder(PayloadEncoder.TEXT, GoldenMessages.POT, scale).encode(out, 7, 0, 0, 2210, 0);
        assertEquals(GoldenMessages.READING_TEXT.payload(), out.toString());
    }

    @Test
    void statusesAreTheGoldenWords() throws Exception {
        FakeTransport mqtt = new FakeTransport();
        mqtt.connect("tcp://10.0.0.1:1883", GoldenMessages.POT, new ConnectSettings(15, 5, null, null,
                GoldenMessages.OFFLINE.topic(), Availability.willPayload()));
        String topic = GoldenMessages.ONLINE.topic();
        Availability availability = new Availability(topic, new ListLog());
        availability.start(mqtt, false);
        WakePhases wake = new WakePhases();
        wake.boot = 3;
        wake.seq = 11;
        wake.reset = WakePhases.RESET_DEEP_SLEEP;
        wake.bootMillis = 300;
        wake.bootModelled = true;
        wake.readMillis = 2;
        wake.wifiMillis = 270;
        wake.mqttMillis = 9;
        wake.publishMillis = 5;
        wake.readings = 4;
        wake.listenMillis = 53;
        wake.awakeMillis = 641;
        wake.roundTrips = 6;
        availability.saySleeping(mqtt, 1_700_000_100_000L, 900_000, wake);
        availability.saySleeping(mqtt, 0, 900_000, null);
        availability.sayOffline(mqtt);
        assertEquals(List.of(GoldenMessages.ONLINE_WORD.payload(), GoldenMessages.ASLEEP_UNTIL.payload(),
                GoldenMessages.ASLEEP_FOR.payload(), GoldenMessages.OFFLINE.payload()), payloads(mqtt.sentTo(topic)));
        assertEquals(GoldenMessages.OFFLINE.payload(), new String(Availability.willPayload()));
    }

    @Test
    void repliesAreTheGoldenBytes() {
        TestPot pot = new TestPot("board.name = esp-wrover-kit\n", new MemorySettingsStore(), true);
        pot.runFor(1);
        List<FakeTransport.Sent> about = pot.mqtt.sentTo(GoldenMessages.ABOUT.topic());
        assertEquals(List.of(GoldenMessages.ABOUT.payload()), payloads(about), "said once, at the first session");
        assertEquals(true, about.get(0).retained());
        assertEquals(GoldenMessages.REPLY_RECEIVED.payload(), pot.commandOn(GoldenMessages.RECEIVED.topic(),
                GoldenMessages.RECEIVED.payload()));
        assertEquals(GoldenMessages.REPLY_WATERED.payload(), pot.commandOn(GoldenMessages.WATER.topic(),
                GoldenMessages.WATER.payload()));
        pot.runFor(999);
        assertEquals(GoldenMessages.REPLY_REFUSED.payload(), pot.commandOn(GoldenMessages.WATER.topic(),
                GoldenMessages.WATER.payload()));
        assertEquals(GoldenMessages.REPLY_ERROR.payload(), pot.command("water 2001"));
        for (Golden up : List.of(GoldenMessages.REPLY_RECEIVED, GoldenMessages.REPLY_WATERED)) {
            assertEquals(1, pot.mqtt.sentTo(up.topic()).stream().filter(s -> s.payload().equals(up.payload())).count(),
                    "on " + up.topic());
        }
    }

    private static List<String> payloads(List<FakeTransport.Sent> sent) {
        return sent.stream().map(FakeTransport.Sent::payload).toList();
    }
}
