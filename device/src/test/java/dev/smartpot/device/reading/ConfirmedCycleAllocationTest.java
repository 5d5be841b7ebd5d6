package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.text.LogLine;

/**
 * The steady confirmed cycle allocates nothing: a reading queued, published (the broker's PUBACK), its acknowledgement
 * taken from the transport and applied, the reading let go. Measured with the JVM's count of this thread's allocated
 * bytes after a warm-up; the acknowledgements' bytes are made before.
 */
class ConfirmedCycleAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int ROUNDS = 20_000;

    /** Takes every publish at once and keeps nothing. */
    private static final class QuietBroker implements MqttTransport {
        public void setListener(MqttListener listener) {
        }

        public int connect(String serverUri, String clientId, ConnectSettings settings) {
            return SESSION_NEW;
        }

        public void subscribe(String topicFilter, int qos) {
        }

        public void unsubscribe(String topicFilter) {
        }

        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) {
        }

        public void acknowledge(int ack) {
        }

        public void disconnect() {
        }

        public boolean isConnected() {
            return true;
        }
    }

    @Test
    void aConfirmedReadingCostsNoGarbage() {
        ReadingQueue queue = new ReadingQueue(64);
        MoistureScale scale = new MoistureScale(3200, 1400, 12);
        ReadingPublisher publisher = new ReadingPublisher(queue, new PayloadEncoder(PayloadEncoder.JSON, "a4cf12b0c0de", scale, 1),
                scale, new QuietBroker(), Log.SILENT, new LogLine(96), "to_mothership", 1, 600_000);
        byte[][] acks = new byte[WARM_UP + ROUNDS][];
        for (int seq = 0; seq < acks.length; seq++) {
            acks[seq] = ("{\"runs\":[{\"boot\":1,\"from\":0,\"to\":" + seq + "}]}").getBytes(StandardCharsets.US_ASCII);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = 0;
        for (int seq = 0; seq < acks.length; seq++) {
            if (seq == WARM_UP) {
                before = threads.getThreadAllocatedBytes(id);
            }
            long now = 5000L * seq;
            queue.add(seq, now, 2300, -1, 0, 1_700_000_000_000L + now);
            publisher.drain(now);
            publisher.confirmations().offer(acks[seq]);
            publisher.confirmations().apply(now + 10);
        }
        long perCycle = (threads.getThreadAllocatedBytes(id) - before) / ROUNDS;
        assertEquals(0, queue.size(), "every reading confirmed and let go");
        assertEquals(true, publisher.confirmations().confirming());
        assertEquals(0, perCycle, "bytes allocated per confirmed reading");
    }
}
