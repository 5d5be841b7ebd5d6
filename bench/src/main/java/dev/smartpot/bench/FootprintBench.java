package dev.smartpot.bench;

import java.lang.management.ManagementFactory;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.FakeChipId;

/**
 * The core's own footprint, with the board and MQTT stubbed out (nothing of Paho, HiveMQ or the simulator
 * is counted): retained heap per device, from the heap in use after full collections with 1,000 cores
 * alive, and bytes allocated per publish cycle (a reading taken, encoded and published), from the JVM's
 * per-thread allocation counter over 100,000 cycles on a manual clock. Runs in a JVM of its own; prints
 * {@code RESULT key=value...}.
 */
public final class FootprintBench {

    static final int DEVICES = 1000;
    static final int CYCLES = 100_000;
    static final int WARM_UP_CYCLES = 20_000;

    public static void main(String[] args) throws Exception {
        long defaultQueue = retainedPerDevice("");
        long smallQueue = retainedPerDevice("queue.capacity = 100\n");
        long[] perCycle = allocatedPerCycle();
        System.out.println("RESULT retained_default_queue=" + defaultQueue + " retained_queue_100=" + smallQueue
                + " allocated_per_cycle=" + perCycle[0] + " cycles=" + CYCLES + " payload_bytes=" + perCycle[1]);
        System.exit(0);
    }

    /** The stub broker echoes nothing, so the per-connection delivery check would hold every reading: off. */
    private static final String NO_ECHO = "mqtt.delivery.check = false\n";

    private static long retainedPerDevice(String props) throws Exception {
        DeviceConfig config = BenchPot.config("tcp://127.0.0.1:1883", NO_ECHO + props);
        PotNode[] nodes = new PotNode[DEVICES];
        Board[] boards = new Board[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            boards[i] = board(new ManualClock(), "footprint-" + i);
        }
        long before = ProcessStats.heapUsedAfterGc();
        for (int i = 0; i < DEVICES; i++) {
            nodes[i] = new PotNode(config, boards[i], new AcceptingTransport());
        }
        long after = ProcessStats.heapUsedAfterGc();
        // The transports are stubs of 24 bytes each; the rest is the core.
        long perDevice = (after - before) / DEVICES - 24;
        if (nodes[DEVICES - 1].clientId() == null) {
            throw new IllegalStateException("keeps the nodes reachable until measured");
        }
        return perDevice;
    }

    private static long[] allocatedPerCycle() throws Exception {
        DeviceConfig config = BenchPot.config("tcp://127.0.0.1:1883", NO_ECHO + "publish.interval = 5s\n");
        ManualClock clock = new ManualClock();
        AcceptingTransport transport = new AcceptingTransport();
        PotNode node = new PotNode(config, board(clock, "footprint-cycle"), transport);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            clock.now += 5000;
            node.tick();
        }
        long publishedBefore = transport.readings;
        long before = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < CYCLES; i++) {
            clock.now += 5000;
            node.tick();
        }
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        long cycles = transport.readings - publishedBefore;
        if (cycles != CYCLES) {
            throw new IllegalStateException("expected one reading published per cycle, got " + cycles);
        }
        return new long[] {allocated / cycles, transport.lastLength};
    }

    /** A board of stubs (WiFi up, a steady sensor, a log that keeps nothing); {@link CoreAllocationBench} uses it too. */
    static Board board(Clock clock, String seed) {
        return Board.builder()
                .wifi(new WifiLink() {
                    @Override
                    public void join(String ssid, String password, long timeoutMillis) {
                    }

                    @Override
                    public boolean isConnected() {
                        return true;
                    }

                    @Override
                    public void leave() {
                    }
                })
                .soilSensor(() -> 2300)
                .chipId(FakeChipId.fromSeed(seed))
                .clock(clock)
                .sleeper(new Sleeper() {
                    @Override
                    public void sleep(long millis) {
                    }

                    @Override
                    public void wake() {
                    }
                })
                .log(Log.SILENT)
                .rebooter(reason -> { })
                .build();
    }

    /** Uptime set by hand; the wall clock is known, so payloads carry "ts" as on the simulator. */
    static final class ManualClock implements Clock {
        long now = 1;

        @Override
        public long uptimeMillis() {
            return now;
        }

        @Override
        public long wallClockMillis() {
            return 1_795_000_000_000L + now;
        }
    }

    /** A broker that takes everything at once and allocates nothing. */
    private static final class AcceptingTransport implements MqttTransport {
        long readings;
        int lastLength;

        @Override
        public void setListener(MqttListener listener) {
        }

        @Override
        public int connect(String serverUri, String clientId, ConnectSettings settings) {
            return SESSION_NEW;
        }

        @Override
        public void subscribe(String topicFilter, int qos) {
        }

        @Override
        public void unsubscribe(String topicFilter) {
        }

        @Override
        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) {
            if (!retained) {
                readings++;
                lastLength = length;
            }
        }

        @Override
        public void acknowledge(int ack) {
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }
}
