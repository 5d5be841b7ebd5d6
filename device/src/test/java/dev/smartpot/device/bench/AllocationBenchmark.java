package dev.smartpot.device.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.command.CommandParser;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.FakeWifi;
import dev.smartpot.device.fakes.ManualClock;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.SoilSensor;

/**
 * Prints how many bytes the core allocates on the desktop JVM per reading (sensor pipeline alone, and
 * the whole loop: read, queue, encode, publish) and per command. Not a test: run it by hand,
 * {@code java -cp device/target/classes:device/target/test-classes dev.smartpot.device.bench.AllocationBenchmark}.
 * Figures are the HotSpot thread allocation counter's; the board's VM differs, but zero stays zero.
 */
public final class AllocationBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A broker connection that accepts everything and keeps nothing. */
    private static final class NullTransport implements MqttTransport {
        MqttListener listener;

        public void setListener(MqttListener listener) {
            this.listener = listener;
        }

        public void connect(String serverUri, String clientId, ConnectSettings settings) {
        }

        public void subscribe(String topicFilter, int qos) {
        }

        public void unsubscribe(String topicFilter) {
        }

        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) {
        }

        public void disconnect() {
        }

        public boolean isConnected() {
            return true;
        }
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    public static void main(String[] args) {
        int rounds = 200_000;
        int[] raw = {2100};

        MoistureScale scale = new MoistureScale(3200, 1400, 12);
        SoilSensor sensor = new SoilSensor(() -> raw[0]++ % 400 + 1900, scale, 7, 5);
        for (int i = 0; i < rounds; i++) {
            sensor.read();
        }
        long before = allocated();
        for (int i = 0; i < rounds; i++) {
            sensor.read();
        }
        System.out.printf("sensor pipeline (7 samples, median, 5-reading average): %.2f bytes per reading%n",
                (allocated() - before) / (double) rounds);

        ConfigReader reader = new ConfigReader(ConfigSource.parse(
                "wifi.ssid = Net\nmqtt.broker = 10.0.0.1\npublish.interval = 1s\nqueue.capacity = 10\n", "bench"));
        DeviceConfig config = DeviceConfig.read(reader);
        ManualClock clock = new ManualClock();
        NullTransport mqtt = new NullTransport();
        Board board = Board.builder().wifi(new FakeWifi()).soilSensor(() -> raw[0]++ % 400 + 1900)
                .chipId(() -> new byte[] {1, 2, 3, 4, 5, 6}).clock(clock).sleeper(clock).log(new QuietLog())
                .rebooter(reason -> { }).build();
        PotNode node = new PotNode(config, board, mqtt);
        for (int i = 0; i < rounds; i++) {
            clock.advance(node.tick());
        }
        long publishedBefore = node.publishedReadings();
        before = allocated();
        for (int i = 0; i < rounds; i++) {
            clock.advance(node.tick());
        }
        long readings = node.publishedReadings() - publishedBefore;
        System.out.printf("device loop, online (read, queue, encode, publish): %.2f bytes per reading (%d readings)%n",
                (allocated() - before) / (double) readings, readings);

        CommandParser parser = new CommandParser(4095);
        byte[] good = "interval 30s".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = "interval 0".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < rounds; i++) {
            parser.parse(good, good.length);
            parser.parse(bad, bad.length);
        }
        before = allocated();
        for (int i = 0; i < rounds; i++) {
            parser.parse(good, good.length);
        }
        long goodBytes = allocated() - before;
        before = allocated();
        for (int i = 0; i < rounds; i++) {
            parser.parse(bad, bad.length);
        }
        System.out.printf("command parser: %.2f bytes per valid command, %.0f per rejected one (its error text)%n",
                goodBytes / (double) rounds, (allocated() - before) / (double) rounds);

        byte[] status = "status".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20_000; i++) {
            mqtt.listener.messageArrived("from_mothership", status);
            node.tick();
        }
        before = allocated();
        for (int i = 0; i < 20_000; i++) {
            mqtt.listener.messageArrived("from_mothership", status);
            node.tick();
        }
        System.out.printf("a status command, parsed, answered and published: %.0f bytes (mostly its log lines)%n",
                (allocated() - before) / 20_000.0);
    }

    /** Keeps nothing, so the figures are the core's own. */
    private static final class QuietLog implements dev.smartpot.device.board.Log {
        public void info(CharSequence message) {
        }

        public void warn(CharSequence message) {
        }

        public void error(CharSequence message) {
        }
    }
}
