package dev.smartpot.simulator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SimulatorConfig;

/**
 * The lifecycle both runtimes share, driven by hand: the core ticks at times the test picks (a reading a second, no
 * broker to reach), and the test plays the runtime, asking {@link PotLifecycle#afterBoot()} what comes next.
 */
class PotLifecycleTest {

    private final PotLifecycle life = lifecycle();

    @Test
    void aPlannedRestartIsABootOnTheSameRetainedMemory() {
        PotNode first = boot();
        long now = 0;
        while (!life.bootEnds() && now <= 10_000) {
            first.tick(now);
            now += 500;
        }
        assertTrue(life.bootEnds(), "vm.restart.every = 5s asked for a reboot by " + now + " ms");
        first.shutdown();
        assertEquals(PotLifecycle.Next.BOOT, life.afterBoot());
        PotNode second = boot();
        assertEquals(2, life.boots());
        assertEquals(2, second.boot(), "the boot counter, kept in retained memory, counts on");
        assertTrue(first.queuedReadings() > 0, "readings queued with no broker to reach");
        assertEquals(first.queuedReadings(), second.queuedReadings(), "the queue kept across the reboot");
        assertEquals(first.readingsTaken(), second.readingsTaken(), "seq carries on");
        assertEquals(first.readingsTaken(), life.readingsTaken(), "the run's tally counts every boot's readings once");
        assertEquals(0, life.wakes(), "a reboot is not a wake");
    }

    @Test
    void aPowerCutLosesTheQueueAndTheNextStartIsABoot() {
        assertFalse(life.cutPower(), "nothing to cut before the first boot");
        PotNode first = boot();
        first.tick(0);
        first.tick(1000);
        assertTrue(first.queuedReadings() > 0);
        assertTrue(life.cutPower());
        assertTrue(life.bootEnds());
        assertEquals(PotLifecycle.Next.BOOT, life.afterBoot());
        PotNode second = boot();
        assertEquals(2, life.boots());
        assertEquals(0, second.queuedReadings(), "RTC memory went with the power");
        assertTrue(second.readingsTaken() > first.readingsTaken(), "seq carries on from the flash mark, above every seq used");
    }

    @Test
    void aStoppedPotBootsNoMore() {
        PotNode first = boot();
        first.tick(0);
        life.close();
        first.shutdown();
        assertEquals(PotLifecycle.Next.STOP, life.afterBoot());
        assertTrue(life.isClosed());
        assertEquals(1, life.boots());
    }

    private PotNode boot() {
        MqttTransport refusing = new Refusing();
        return life.boot(new MonitorSleeper(), refusing, refusing, null);
    }

    private static PotLifecycle lifecycle() {
        try {
            ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                    "wifi.ssid = Net",
                    "wifi.password = password1",
                    "mqtt.broker = tcp://127.0.0.1:1",
                    "publish.interval = 1s",
                    "vm.restart.every = 5s",
                    "sim.wifi.join.delay = 0ms",
                    "sim.seed = lifecycle-test",
                    ""), "lifecycle.properties"));
            DeviceConfig device = DeviceConfig.read(reader);
            SimulatorConfig world = SimulatorConfig.read(reader, device);
            reader.finish();
            SimulatedBoard board = SimulatedBoard.single(device, world).memory(PotMemory.inRam()).build();
            return new PotLifecycle(device, board, world.sleepSpeedup);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A broker nobody can reach: every connect is refused at once. */
    private static final class Refusing implements MqttTransport {
        @Override
        public void setListener(MqttListener listener) {
        }

        @Override
        public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "connection refused");
        }

        @Override
        public void subscribe(String topicFilter, int qos) throws MqttTransportException {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }

        @Override
        public void unsubscribe(String topicFilter) throws MqttTransportException {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }

        @Override
        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }

        @Override
        public void acknowledge(int ack) {
        }

        @Override
        public void disconnect() {
        }

        @Override
        public boolean isConnected() {
            return false;
        }
    }
}
