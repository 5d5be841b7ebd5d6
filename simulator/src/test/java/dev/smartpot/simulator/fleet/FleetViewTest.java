package dev.smartpot.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;

/** What a person sees of a fleet that has not connected yet: redrawn in place on a terminal, plain lines elsewhere. */
class FleetViewTest {

    private final List<String> printed = new ArrayList<>();
    private final FleetConsole console = new FleetConsole(printed::add, false);
    private SimulatedFleet fleet;

    private SimulatedFleet fleetOf(int pots) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(
                "wifi.ssid = Net\nwifi.password = password1\nmqtt.broker = 127.0.0.1\nsim.seed = view\n", "view.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        fleet = new SimulatedFleet(device, world, pots, 500, 1, console, SimulatedFleet.hiveMq());
        return fleet;
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.stop(1000);
        }
    }

    @Test
    void onATerminalTheScreenIsClearedOnceThenRedrawnInPlace() throws Exception {
        FleetView view = new FleetView(fleetOf(3), "smartpot fleet: 3 pots", true, true, console);
        view.refresh();
        view.refresh();
        assertEquals(2, printed.size());
        assertTrue(printed.get(0).startsWith("\033[H\033[2J"), "first draw clears the screen");
        assertTrue(printed.get(1).startsWith("\033[H") && !printed.get(1).contains("\033[2J"), "later draws overwrite, no flicker");
        String screen = printed.get(1);
        assertTrue(screen.contains("smartpot fleet: 3 pots, up 00:00:0"), screen);
        assertTrue(screen.contains("started            0/3"), screen);
        assertEquals(3, screen.split("waiting", -1).length - 1, "a row per pot: " + screen);
        String[] lines = screen.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].endsWith("\033[K"), "each line erases what an older, longer line left: " + lines[i]);
        }
        assertTrue(lines[lines.length - 1].endsWith("\033[K\033[J"), "and what was below the screen goes too");
    }

    /** Offline pots (their broker a closed port) still take readings: the rows show those, not the soil model. */
    @Test
    void aPotsRowShowsWhatItReportedAndAnUnpluggedSensorAsAFault() throws Exception {
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nwifi.password = password1\n"
                + "mqtt.broker = tcp://127.0.0.1:" + closed + "\npublish.interval = 200ms\nsim.seed = view\n", "view.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        fleet = new SimulatedFleet(device, world, 2, 500, 1, console, SimulatedFleet.hiveMq());
        FleetPot unplugged = fleet.pots().get(0);
        FleetPot working = fleet.pots().get(1);
        unplugged.soil().unplug();
        fleet.start();
        org.awaitility.Awaitility.await("both pots took a reading").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> unplugged.readingsTaken() > 0 && working.readingsTaken() > 0);
        FleetView view = new FleetView(fleet, "view", false, true, console);
        view.refresh();
        String faultRow = printed.stream().filter(l -> l.startsWith("  " + unplugged.clientId())).findFirst().orElseThrow();
        assertTrue(faultRow.contains("\u00b7".repeat(20) + " fault: disconnected"), "no moisture bar, the fault: " + faultRow);
        assertTrue(faultRow.contains("(soil model: "), faultRow);
        String workingRow = printed.stream().filter(l -> l.startsWith("  " + working.clientId())).findFirst().orElseThrow();
        String reported = dev.smartpot.simulator.board.ReportedReading.of(working.node());
        assertTrue(reported.matches("\\d+\\.\\d%") && workingRow.contains(reported + " "), workingRow);
        String summary = printed.stream().filter(l -> l.contains(" fleet: ")).findFirst().orElseThrow();
        assertTrue(summary.contains(", 1 reporting a sensor fault"), summary);
    }

    @Test
    void largeFleetsGetCountsOnlyAndPlainOutputHasNoEscapes() throws Exception {
        FleetView view = new FleetView(fleetOf(FleetView.MAX_POT_ROWS + 1), "big", false, true, console);
        view.refresh();
        assertEquals(1, printed.size(), "one summary line, no row per pot: " + printed);
        assertTrue(printed.get(0).matches("\\d\\d:\\d\\d:\\d\\d fleet: 0/41 started, 0 online, 0 reconnecting, 0 queued, 0 dropped, 0\\.0 readings/s, 0 published"),
                printed.get(0));
        assertFalse(printed.get(0).contains("\033"));
    }
}
