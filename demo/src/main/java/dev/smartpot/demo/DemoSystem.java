package dev.smartpot.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;

/**
 * The whole system in one process: the mothership (with its embedded broker and dashboard) and a few
 * simulated pots on that broker. The pots are the simulator's own, so they have a pump and a soil model:
 * watering from the dashboard really raises their moisture.
 */
public final class DemoSystem implements AutoCloseable {

    /**
     * @param brokerPort preferred embedded-broker port (a free one if taken; 0 = any)
     * @param potLog     where the pots' own log lines go (the demo drops them unless asked)
     */
    public record Options(int pots, Duration interval, String httpHost, int httpPort, int brokerPort, Path dataDir,
                          Consumer<String> potLog) {
    }

    private final MothershipApp mothership;
    private final List<SimulatedPot> pots;
    private final List<DemoPot> plan;
    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-settings");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable settingsSubscription;

    private DemoSystem(MothershipApp mothership, List<SimulatedPot> pots, List<DemoPot> plan) {
        this.mothership = mothership;
        this.pots = pots;
        this.plan = plan;
    }

    public static DemoSystem start(Options o) throws MothershipApp.StartException {
        MothershipApp app = MothershipApp.start(new MothershipApp.Options(null, o.brokerPort(), o.httpHost(), o.httpPort(),
                o.dataDir(), null, null, null, false, null));
        List<SimulatedPot> pots = new ArrayList<>();
        List<DemoPot> plan = new ArrayList<>();
        try {
            for (int i = 0; i < o.pots(); i++) {
                DemoPot p = DemoPot.number(i);
                ConfigReader reader = new ConfigReader(ConfigSource.parse(p.config(app.brokerUrl(), o.interval().toMillis()),
                        "demo pot " + p.name()));
                DeviceConfig device = DeviceConfig.read(reader);
                SimulatorConfig world = SimulatorConfig.read(reader, device);
                reader.finish();
                // Each pot keeps its RTC memory and sequence mark under the data directory, as a board keeps them:
                // a restarted demo goes on with the next boot, so no (pot, boot, seq) is ever sent twice.
                Path potFiles = Files.createDirectories(o.dataDir().resolve("pots"));
                SimulatedPot pot = new SimulatedPot(device, world, o.potLog(), new MemorySettingsStore(),
                        PotMemory.besideConfig(potFiles.resolve(p.seed() + ".properties")));
                pot.start();
                pots.add(pot);
                plan.add(p);
            }
        } catch (Exception e) {
            pots.forEach(SimulatedPot::stop);
            app.close();
            throw new MothershipApp.StartException("the demo pots did not start: " + e.getMessage(), e);
        }
        DemoSystem demo = new DemoSystem(app, pots, plan);
        demo.applySettingsWhenSeen();
        return demo;
    }

    /**
     * Names, rooms and watering rules go to the mothership once it has seen each pot (its first reading),
     * as a person would set them in the dashboard. Applied off the engine's event thread, which must not wait.
     */
    private void applySettingsWhenSeen() {
        Map<String, DemoPot> pending = new ConcurrentHashMap<>();
        for (int i = 0; i < pots.size(); i++) {
            pending.put(pots.get(i).clientId(), plan.get(i));
        }
        settingsSubscription = mothership.engine().subscribe(event -> {
            DemoPot p = event.potId() == null ? null : pending.remove(event.potId());
            if (p != null) {
                settingsWriter.execute(() -> mothership.engine().updateSettings(event.potId(), p.settings()));
            }
        });
    }

    public String dashboardUrl() {
        return mothership.dashboardUrl();
    }

    public String brokerUrl() {
        return mothership.brokerUrl();
    }

    public MothershipApp mothership() {
        return mothership;
    }

    public List<SimulatedPot> pots() {
        return pots;
    }

    public List<DemoPot> plan() {
        return plan;
    }

    /** Stops the pots first (each says "offline"), then the mothership and its broker. */
    @Override
    public void close() {
        try {
            settingsSubscription.close();
        } catch (Exception ignored) {
            // Only our own listener.
        }
        settingsWriter.shutdownNow();
        CompletableFuture.allOf(pots.stream().map(p -> CompletableFuture.runAsync(p::stop)).toArray(CompletableFuture[]::new)).join();
        mothership.close();
    }
}
