package dev.smartpot.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;

/**
 * The core's memory budget on the desktop JVM, to size the firmware's Java heap: the heap one device retains
 * (a PotNode with its config, queue, buffers and backoff, on fakes, without any MQTT client) and the bytes it
 * allocates per publish cycle (one reading taken and published) and per offline cycle (taken and queued).
 *
 * <pre>
 *   mvn -q -pl tools -am package -DskipTests
 *   java -XX:+UseSerialGC -XX:-DoEscapeAnalysis -cp tools/target/classes:device/target/classes dev.smartpot.tools.MemoryBudget
 * </pre>
 * {@code -XX:-DoEscapeAnalysis} keeps the JIT from removing allocations MicroEJ's VM would make. HotSpot's object
 * layout (64-bit, compressed references, 12-byte headers) is not MicroEJ's; the queue's int[] dominates, and
 * arrays cost the same there give or take a header.
 */
public final class MemoryBudget {

    private static final int DEVICES = 40;
    private static final int WARMUP_CYCLES = 20000;
    private static final int MEASURED_CYCLES = 20000;

    private MemoryBudget() {
    }

    public static void main(String[] args) throws Exception {
        // The counting transport echoes nothing back, so the per-connect delivery check (which waits for its
        // own reading to come back) is off; everything else is at its default.
        String defaults = "wifi.ssid = Garden\nwifi.password = correct horse\nmqtt.broker = 192.168.1.10\n"
                + "mqtt.delivery.check = false\n";
        DeviceConfig config = config(defaults);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        // ---- retained heap: DEVICES live nodes against none ----
        List<Object> keep = new ArrayList<>();
        long before = usedAfterGc(memory);
        for (int i = 0; i < DEVICES; i++) {
            keep.add(new Rig(config(defaults), i).node);
        }
        long after = usedAfterGc(memory);
        long perDevice = (after - before) / DEVICES;
        long configOnly = configBytes(memory, defaults);
        keep.clear();

        // ---- allocation per cycle, on this thread ----
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        Rig online = new Rig(config, 0);
        online.cycles(WARMUP_CYCLES);
        long a0 = threads.getThreadAllocatedBytes(tid);
        online.cycles(MEASURED_CYCLES);
        long a1 = threads.getThreadAllocatedBytes(tid);
        double perPublish = (a1 - a0) / (double) MEASURED_CYCLES;
        if (online.published < WARMUP_CYCLES + MEASURED_CYCLES) {
            throw new IllegalStateException("expected one publish per cycle, got " + online.published);
        }

        Rig offline = new Rig(config, 1);
        offline.wifi.up = false;
        offline.cycles(WARMUP_CYCLES / 10);
        long b0 = threads.getThreadAllocatedBytes(tid);
        offline.cycles(MEASURED_CYCLES / 10);
        long b1 = threads.getThreadAllocatedBytes(tid);
        double perQueued = (b1 - b0) / (double) (MEASURED_CYCLES / 10);

        long queueBytes = config.queueCapacity * 4L;
        System.out.println("Smart pot core memory budget (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments() + ")");
        System.out.println("  default queue.capacity       " + config.queueCapacity + " readings = " + queueBytes + " bytes (int[])");
        System.out.println("  retained heap per device     " + perDevice + " bytes (mean of " + DEVICES + " PotNodes on fakes,"
                + " no MQTT client), of which the queue " + queueBytes + " and the parsed config ~" + configOnly);
        System.out.println("  allocated per publish cycle  " + Math.round(perPublish) + " bytes (one reading taken, encoded,"
                + " published at QoS 1, logged; mean of " + MEASURED_CYCLES + ")");
        System.out.println("  allocated per offline cycle  " + Math.round(perQueued) + " bytes (one reading taken and queued,"
                + " logged; mean of " + MEASURED_CYCLES / 10 + ")");
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!jvmArgs.contains("-XX:-DoEscapeAnalysis") && !jvmArgs.contains("-Xint")) {
            System.out.println("  note: run with -XX:-DoEscapeAnalysis, else the JIT hides allocations MicroEJ makes");
        }
    }

    private static long configBytes(MemoryMXBean memory, String text) throws ConfigException, InterruptedException {
        List<Object> keep = new ArrayList<>();
        long before = usedAfterGc(memory);
        for (int i = 0; i < DEVICES; i++) {
            keep.add(config(text));
        }
        long after = usedAfterGc(memory);
        keep.clear();
        return (after - before) / DEVICES;
    }

    static DeviceConfig config(String text) throws ConfigException {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(text, "budget.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        reader.finish();
        return config;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** A PotNode on fakes with a manual clock; {@link #cycles(int)} runs reading-to-reading. */
    static final class Rig implements Clock, Sleeper, Log {
        final FakeWifi wifi = new FakeWifi();
        final PotNode node;
        final long interval;
        long now = 1000;
        long published;

        Rig(DeviceConfig config, int id) {
            interval = config.publishIntervalMillis;
            final byte[] chip = {0x24, 0x0a, (byte) 0xc4, 0, 0, (byte) id};
            Board board = Board.builder()
                    .wifi(wifi)
                    .soilSensor(new dev.smartpot.device.board.AnalogInput() {
                        int raw = 2000;

                        public int read() {
                            raw = raw >= 3000 ? 1500 : raw + 7;
                            return raw;
                        }
                    })
                    .chipId(new dev.smartpot.device.board.ChipId() {
                        public byte[] uniqueId() {
                            return chip;
                        }
                    })
                    .clock(this)
                    .sleeper(this)
                    .log(this)
                    .rebooter(new dev.smartpot.device.board.Rebooter() {
                        public void reboot(String reason) {
                        }
                    })
                    .build();
            node = new PotNode(config, board, new CountingTransport(this));
        }

        void cycles(int n) {
            node.tick(); // whatever is due now (connect, first reading)
            for (int i = 0; i < n; i++) {
                now += interval;
                node.tick();
            }
        }

        public long uptimeMillis() {
            return now;
        }

        public long wallClockMillis() {
            return 1767225600000L + now;
        }

        public void sleep(long millis) {
        }

        public void wake() {
        }

        public void info(CharSequence message) {
        }

        public void warn(CharSequence message) {
        }

        public void error(CharSequence message) {
        }
    }

    static final class FakeWifi implements WifiLink {
        boolean up = true;

        public void join(String ssid, String password, long timeoutMillis) throws java.io.IOException {
            if (!up) {
                throw new java.io.IOException("no such network");
            }
        }

        public boolean isConnected() {
            return up;
        }

        public void leave() {
        }
    }

    /** Accepts everything; counts readings published. No client, no buffers: the core alone is measured. */
    static final class CountingTransport implements MqttTransport {
        private final Rig rig;
        private boolean connected;

        CountingTransport(Rig rig) {
            this.rig = rig;
        }

        public void setListener(MqttListener listener) {
        }

        public void connect(String serverUri, String clientId, ConnectSettings settings) {
            connected = true;
        }

        public void subscribe(String topicFilter, int qos) {
        }


        public void unsubscribe(String topicFilter) {

        }

        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) {
            if (!retained) {
                rig.published++;
            }
        }

        public void disconnect() {
            connected = false;
        }

        public boolean isConnected() {
            return connected;
        }
    }
}
