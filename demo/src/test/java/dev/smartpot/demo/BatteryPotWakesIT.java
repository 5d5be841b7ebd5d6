package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.api.WakeView;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.tools.BoardReport;

/**
 * A simulated pot on batteries against the real mothership (the demo's broker, store and web server): each wake's
 * phases, measured by the pot and sent with its asleep status, are stored once, served by the API, and
 * {@code scripts/board-report --mothership} turns them into BENCHMARKS.md's table, marked simulated.
 */
class BatteryPotWakesIT {

    /** A reading every 15 min, each published, each sleep shortened 900 times (one second). */
    static final String BATTERY = String.join("\n",
            "device.name = Battery", "wifi.ssid = DemoNet", "wifi.password = demo-password",
            "power.mode = deep-sleep", "publish.interval = 15m", "sleep.publish.every = 1", "sleep.listen = 50ms",
            "battery.adc.pin = 35", "battery.divider = 2", "battery.adc.full_scale_mv = 3100",
            "homeassistant.discovery = false", "reboot.after = 0", "sim.sleep.speedup = 900", "sim.wifi.join.model = true",
            "wifi.ip = 192.168.1.50", "wifi.netmask = 255.255.255.0", "wifi.gateway = 192.168.1.1",
            "sim.time.known = true", "sim.seed = battery-wakes", "");

    static SimulatedPot batteryPot(DemoSystem demo) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(BATTERY + "mqtt.broker = " + demo.brokerUrl() + "\n",
                "battery-wakes"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedPot(device, world, line -> { });
    }

    @Test
    void aBatteryPotsWakesAreStoredServedAndTabulated() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "battery-wakes-it");
        try (DemoSystem demo = DemoSystem.start(new DemoSystem.Options(1, Duration.ofSeconds(1), "127.0.0.1", 0, 0, data,
                line -> { }))) {
            SimulatedPot pot = batteryPot(demo);
            pot.start();
            MothershipEngine engine = demo.mothership().engine();
            String id = pot.clientId();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> engine.pot(id).isPresent()
                        && wakes(engine, id).stream().filter(w -> "deep-sleep".equals(w.reset())).count() >= 4);
            } finally {
                pot.stop();
            }
            List<WakeView> wakes = wakes(engine, id);
            assertEquals("power-on", wakes.get(0).reset(), "the first wake follows the power-up: " + wakes);
            for (WakeView w : wakes) {
                assertEquals(1, w.boot(), "a wake from deep sleep is not a reboot");
                assertTrue(w.wifiMs() != null && w.wifiMs() > 0 && w.mqttMs() != null && w.publishMs() != null
                        && w.readings() == 1 && w.bootModelled(), w.toString());
                assertTrue(w.awakeMs() >= w.bootMs() + w.wifiMs() + w.mqttMs() + w.publishMs(), w.toString());
            }
            assertEquals(wakes.size(), wakes.stream().map(WakeView::seq).distinct().count(), "each wake once: " + wakes);

            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    demo.dashboardUrl().replaceAll("/$", "") + "/api/pots/" + id + "/wakes?from=0&to="
                            + Instant.now().plusSeconds(60).toEpochMilli())).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), api.body());
            JsonNode served = new ObjectMapper().readTree(api.body());
            assertEquals(wakes.size(), served.size());
            assertEquals(wakes.get(1).wifiMs().longValue(), served.get(1).path("wifi_ms").asLong());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = BoardReport.run(new String[] {"--mothership", demo.dashboardUrl(), id},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String table = out.toString(StandardCharsets.UTF_8);
            assertEquals(BoardReport.OK, exit, err.toString(StandardCharsets.UTF_8));
            assertTrue(table.startsWith("A pot on batteries, simulated, pot " + id + " as the mothership stored its wakes: "),
                    table);
            assertTrue(table.contains("| WiFi join | " + median(wakes.subList(1, wakes.size()).stream()
                    .map(WakeView::wifiMs).toList()) + " / "), table);
            assertTrue(table.contains("| publish (1 readings) |"), table);
            Files.writeString(Path.of("target", "battery-wakes-table.md"), table);
        }
    }

    private static List<WakeView> wakes(MothershipEngine engine, String id) {
        return engine.wakes(id, Instant.EPOCH, Instant.now().plusSeconds(60), 1000);
    }

    /** The table's median: the middle one, or the rounded mean of the two middle ones. */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
