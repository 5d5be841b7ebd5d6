package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.protocol.GoldenMessages;
import dev.smartpot.protocol.GoldenMessages.Golden;

/** docs/asyncapi.yaml accepts every golden message (the bytes both ends are tested against) and refuses drift. */
class AsyncApiDocumentTest {

    private static AsyncApiContract contract;

    @BeforeAll
    static void load() throws Exception {
        contract = AsyncApiContract.load(Path.of("..", "docs", "asyncapi.yaml"));
    }

    @Test
    void everyGoldenMessageKeepsToTheDocument() {
        for (Golden g : GoldenMessages.UP) {
            assertNull(contract.problem(g.topic(), g.payload()), g.name());
        }
        for (Golden g : GoldenMessages.DOWN) {
            assertNull(contract.problem(g.topic(), g.payload()), g.name());
        }
    }

    @Test
    void aReadingThatDriftsFromTheDocumentIsRefused() {
        String reading = GoldenMessages.READING.payload();
        for (String drifted : new String[] {
            reading.replace("\"boot\":3,", ""),
            reading.replace("\"moisture\":55.0", "\"moisture\":101.0"),
            reading.replace("\"dropped\":2", "\"dropped\":2,\"humidity\":40"),
            reading.replace("\"moisture\":55.0", "\"moisture\":55.0,\"fault\":\"shorted\""),
        }) {
            assertNotNull(contract.problem("to_mothership", drifted), drifted);
        }
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/status", "sleeping a lot"));
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/status", "{\"state\":\"asleep\"}"), "asleep for how long");
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/status",
                GoldenMessages.ASLEEP_UNTIL.payload().replace("\"wifi_ms\"", "\"wlan_ms\"")), "a phase the contract does not name");
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/connect",
                GoldenMessages.CONNECT.payload().replace("\"session_ms\"", "\"setup_ms\"")), "a phase the contract does not name");
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/connect", "{\"boot\":3}"), "which connect");
        assertNotNull(contract.problem("to_mothership/a4cf12b0c0de/reply", "{\"ok\":true,\"command\":\"read\"}"),
                "an ok reply has a result");
        String problem = contract.problem("to_mothership/a4cf12b0c0de/humidity", "40");
        assertTrue(problem.contains("no channel"), problem);
    }
}
