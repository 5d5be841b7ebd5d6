package dev.smartpot.bench;

import java.util.Arrays;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.AnalogInput;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.FakeChipId;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.SystemClock;

/**
 * One pot for the benchmarks: the real core on a thread of its own, as {@code scripts/simulate} runs it,
 * with a sensor that notes {@link System#nanoTime()} when each reading is taken (its first ADC sample).
 */
final class BenchPot implements AutoCloseable {

    private volatile PotNode node;
    private final Thread thread;
    private long[] takenNanos = new long[1024];
    private int taken;

    /** @param properties device keys beyond WiFi and broker, e.g. "publish.interval = 100ms\n" */
    BenchPot(String brokerUri, String seed, String properties, MqttTransport transport) throws Exception {
        DeviceConfig config = config(brokerUri, properties);
        // A reading is several ADC samples (sensor.samples); its first one marks when the reading was taken.
        // While reading #seq is sampled, the core has taken seq readings before it.
        AnalogInput sensor = () -> {
            long seq = node.readingsTaken();
            synchronized (this) {
                if (seq == taken) {
                    if (taken == takenNanos.length) {
                        takenNanos = Arrays.copyOf(takenNanos, taken * 2);
                    }
                    takenNanos[taken++] = System.nanoTime();
                }
            }
            return 2300;
        };
        Log quiet = new Log() {
            @Override
            public void info(CharSequence message) {
            }

            @Override
            public void warn(CharSequence message) {
            }

            @Override
            public void error(CharSequence message) {
                System.err.println("bench pot: " + message);
            }
        };
        Board board = Board.builder()
                .wifi(new FakeWlan("BenchNet", "bench-password", 0))
                .soilSensor(sensor)
                .chipId(FakeChipId.fromSeed(seed))
                .clock(new SystemClock(true))
                .sleeper(new MonitorSleeper())
                .log(quiet)
                .rebooter(reason -> { })
                .build();
        node = new PotNode(config, board, transport);
        thread = new Thread(node::run, "bench-pot");
    }

    static DeviceConfig config(String brokerUri, String properties) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = BenchNet\nwifi.password = bench-password\n"
                + "mqtt.broker = " + brokerUri + "\n" + properties, "bench.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        reader.finish();
        return config;
    }

    BenchPot start() {
        thread.start();
        return this;
    }

    String clientId() {
        return node.clientId();
    }

    PotNode node() {
        return node;
    }

    synchronized int readingsTaken() {
        return taken;
    }

    /** When reading {@code seq} was taken, or -1 if it was not (yet). */
    synchronized long takenNanos(long seq) {
        return seq < taken ? takenNanos[(int) seq] : -1;
    }

    @Override
    public void close() throws InterruptedException {
        node.requestStop();
        thread.join(15_000);
    }
}
