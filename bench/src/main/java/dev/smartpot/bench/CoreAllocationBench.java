package dev.smartpot.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Log;
import dev.smartpot.protocol.CommandParser;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.reading.BatteryGauge;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.PayloadEncoder;
import dev.smartpot.device.reading.SoilSensor;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.WireTopics;

/**
 * What the core allocates beyond the publish cycle ({@link FootprintBench} measures that and the retained heap):
 * a reading taken and queued while the broker is unreachable, the sensor pipeline alone, a command parsed (valid
 * and rejected) and a status command answered. The JVM's per-thread allocation counter on a manual clock, on
 * FootprintBench's stub board, in a JVM of its own; prints {@code RESULT key=value...}. Replaces the tools'
 * MemoryBudget and the device's AllocationBenchmark.
 */
public final class CoreAllocationBench {

    static final int ROUNDS = 100_000;
    static final int WARM_UP = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        System.out.println("RESULT allocated_per_offline_cycle=" + offlineCycle() + " sensor_pipeline_per_reading=" + sensorPipeline()
                + " command_valid=" + command("interval 30s") + " command_rejected=" + command("interval 0")
                + " status_command=" + statusCommand() + " battery_per_reading=" + batteryPerReading());
        System.exit(0);
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A reading taken and queued while no broker answers (the queue has room). */
    private static long offlineCycle() throws Exception {
        DeviceConfig config = BenchPot.config("tcp://127.0.0.1:1883", "mqtt.delivery.check = false\npublish.interval = 5s\n"
                + "queue.capacity = " + (WARM_UP + ROUNDS + 10) + "\n");
        FootprintBench.ManualClock clock = new FootprintBench.ManualClock();
        PotNode node = new PotNode(config, FootprintBench.board(clock, "allocation-offline"), new StubBroker(false));
        for (int i = 0; i < WARM_UP; i++) {
            clock.now += 5000;
            node.tick();
        }
        long before = allocated();
        for (int i = 0; i < ROUNDS; i++) {
            clock.now += 5000;
            node.tick();
        }
        long perCycle = (allocated() - before) / ROUNDS;
        if (node.queuedReadings() < ROUNDS) {
            throw new IllegalStateException("expected every reading queued, got " + node.queuedReadings());
        }
        return perCycle;
    }

    /** 7 samples, their median, a 5-reading average, scaled to a moisture. */
    private static double sensorPipeline() {
        int[] raw = {2100};
        SoilSensor sensor = new SoilSensor(() -> raw[0]++ % 400 + 1900, new MoistureScale(3200, 1400, 12), 7, 5);
        for (int i = 0; i < WARM_UP; i++) {
            sensor.read();
        }
        long before = allocated();
        for (int i = 0; i < ROUNDS; i++) {
            sensor.read();
        }
        return (allocated() - before) / (double) ROUNDS;
    }

    /** The battery measured with a reading (5 conversions, median, mV) and the reading encoded with battery_mv. */
    private static double batteryPerReading() throws Exception {
        DeviceConfig config = BenchPot.config("tcp://127.0.0.1:1883", "battery.adc.pin = 35\n");
        int[] raw = {1900};
        BatteryGauge gauge = new BatteryGauge(config.battery, () -> raw[0]++ % 50 + 1880, Log.SILENT, new LogLine(96));
        MoistureScale scale = new MoistureScale(3200, 1400, 12);
        PayloadEncoder encoder = new PayloadEncoder(PayloadEncoder.JSON, "a4cf12b0c0de", scale);
        PayloadBuffer out = new PayloadBuffer(256);
        for (int i = 0; i < WARM_UP; i++) {
            gauge.measure(i);
            encoder.encode(out, i, i * 5000L, 0, 2300, 0, gauge.millivoltsFor(i), 0);
        }
        long before = allocated();
        for (int i = WARM_UP; i < WARM_UP + ROUNDS; i++) {
            gauge.measure(i);
            encoder.encode(out, i, i * 5000L, 0, 2300, 0, gauge.millivoltsFor(i), 0);
        }
        return (allocated() - before) / (double) ROUNDS;
    }

    private static long command(String text) {
        CommandParser parser = new CommandParser(4095);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < WARM_UP; i++) {
            parser.parse(bytes, bytes.length);
        }
        long before = allocated();
        for (int i = 0; i < ROUNDS; i++) {
            parser.parse(bytes, bytes.length);
        }
        return Math.round((allocated() - before) / (double) ROUNDS);
    }

    /** "status" arrives from the transport, is parsed, answered on the reply topic and logged. */
    private static long statusCommand() throws Exception {
        DeviceConfig config = BenchPot.config("tcp://127.0.0.1:1883", "mqtt.delivery.check = false\n");
        StubBroker broker = new StubBroker(true);
        PotNode node = new PotNode(config, FootprintBench.board(new FootprintBench.ManualClock(), "allocation-status"), broker);
        node.tick();
        byte[] status = "status".getBytes(StandardCharsets.US_ASCII);
        int n = ROUNDS / 5;
        for (int i = 0; i < n; i++) {
            broker.listener.messageArrived(WireTopics.DOWN, status, MqttTransport.NO_ACK);
            node.tick();
        }
        long before = allocated();
        for (int i = 0; i < n; i++) {
            broker.listener.messageArrived(WireTopics.DOWN, status, MqttTransport.NO_ACK);
            node.tick();
        }
        return Math.round((allocated() - before) / (double) n);
    }

    /** A broker that takes everything at once, or that nobody can reach. */
    private static final class StubBroker implements MqttTransport {
        private final boolean reachable;
        MqttListener listener;

        StubBroker(boolean reachable) {
            this.reachable = reachable;
        }

        @Override
        public void setListener(MqttListener listener) {
            this.listener = listener;
        }

        @Override
        public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
            if (!reachable) {
                throw new MqttTransportException(MqttTransportException.UNREACHABLE, "connection refused");
            }
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
        }

        @Override
        public void acknowledge(int ack) {
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean isConnected() {
            return reachable;
        }
    }
}
