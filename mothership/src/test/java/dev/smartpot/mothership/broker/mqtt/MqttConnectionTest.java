package dev.smartpot.mothership.broker.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection against a fake broker on loopback; the keep-alive on a manual clock (milliseconds). */
class MqttConnectionTest {

    private final FakePeer peer;
    private final AtomicLong clock = new AtomicLong();
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<IOException> lost = new CompletableFuture<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);
    private MqttConnection connection;

    MqttConnectionTest() throws IOException {
        peer = new FakePeer();
    }

    @AfterEach
    void closeAll() throws IOException {
        if (connection != null) {
            connection.close();
        }
        peer.close();
    }

    private final MqttConnection.Listener listener = new MqttConnection.Listener() {
        @Override
        public void received(MqttConnection on, String topic, byte[] payload, int packetId, int qos) {
            entered.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(topic + " " + new String(payload) + " #" + packetId + " q" + qos);
        }

        @Override
        public void lost(MqttConnection on, IOException cause) {
            lost.complete(cause);
        }
    };

    /** Connects with login; the peer checks the CONNECT and answers {@code returnCode}. */
    private CompletableFuture<MqttConnection> connect(int returnCode) throws Exception {
        Socket socket = peer.connectClient();
        MqttConnection.Settings settings = new MqttConnection.Settings("ms", "user", "pw".getBytes(), 30, 1_000, 1 << 20, 10_000);
        CompletableFuture<MqttConnection> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return MqttConnection.open(socket, settings, clock::get, listener);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        FakePeer.Packet connect = peer.read();
        assertEquals(1, connect.type());
        assertEquals("MQTT", FakePeer.text(connect.body(), 2, 6));
        assertEquals(0xC0, connect.body()[7] & 0xFF, "user name and password, clean session false");
        peer.send(0x20, 2, 0, returnCode);
        return opened;
    }

    private MqttConnection started() throws Exception {
        connection = connect(0).get(10, TimeUnit.SECONDS);
        connection.start();
        return connection;
    }

    @Test
    void aRefusedLoginSaysSoInWordsAndClosesTheSocket() throws Exception {
        CompletableFuture<MqttConnection> opened = connect(4);
        ExecutionException e = assertThrows(ExecutionException.class, () -> opened.get(10, TimeUnit.SECONDS));
        ConnectRefused refused = assertInstanceOf(ConnectRefused.class, e.getCause());
        assertEquals("refused by the broker: bad user name or password (CONNACK 4)", refused.getMessage());
        assertTrue(refused.login());
        assertTrue(peer.closedByClient());
    }

    @Test
    void aMessageIsHandedOnAndAcknowledgedWhenTheOwnerSaysSo() throws Exception {
        MqttConnection c = started();
        peer.send(0x32, 8, 0, 3, 'a', '/', 'b', 0x01, 0x02, 'x');
        assertEquals("a/b x #258 q1", received.poll(10, TimeUnit.SECONDS));
        c.acknowledge(258);
        FakePeer.Packet ack = peer.read();
        assertEquals(4, ack.type());
        assertEquals(258, ack.packetId());
    }

    @Test
    void ownPublishesAndSubscriptionsCompleteOnTheBrokersAnswer() throws Exception {
        MqttConnection c = started();
        CompletableFuture<int[]> subscribed = c.subscribe(List.of("to_mothership/+"), 1);
        FakePeer.Packet subscribe = peer.read();
        assertEquals(0x82, subscribe.first());
        CompletableFuture<Void> published = c.publish("from_mothership/p", "go".getBytes(), true);
        FakePeer.Packet publish = peer.read();
        assertEquals(0x33, publish.first(), "PUBLISH QoS 1 retained");
        assertTrue(publish.packetId() != subscribe.packetId(), "each packet in flight has its own identifier");
        assertFalse(published.isDone());
        peer.send(0x90, 3, subscribe.packetId() >> 8, subscribe.packetId() & 0xFF, 0x80);
        peer.send(0x40, 2, publish.packetId() >> 8, publish.packetId() & 0xFF);
        assertArrayEquals(new int[] {0x80}, subscribed.get(10, TimeUnit.SECONDS));
        published.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLostConnectionFailsWaitingPublishesAndDropsLateAcknowledgements() throws Exception {
        MqttConnection c = started();
        peer.send(0x32, 6, 0, 1, 't', 0, 9, 'x');
        assertEquals("t x #9 q1", received.poll(10, TimeUnit.SECONDS));
        CompletableFuture<Void> published = c.publish("from_mothership/p", "go".getBytes(), false);
        assertEquals(3, peer.read().type());
        peer.close();
        assertInstanceOf(IOException.class, lost.get(10, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> published.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("lost before it answered"), e.getCause().getMessage());
        assertFalse(c.isOpen());
        c.acknowledge(9);
        assertTrue(c.publish("t", new byte[0], false).isCompletedExceptionally());
    }

    @Test
    void aMalformedPacketClosesTheConnectionWithItsReason() throws Exception {
        started();
        peer.send(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        IOException cause = lost.get(10, TimeUnit.SECONDS);
        assertInstanceOf(ProtocolViolation.class, cause);
        assertTrue(cause.getMessage().contains("remaining length longer than four bytes"), cause.getMessage());
        assertTrue(peer.closedByClient());
    }

    @Test
    void whileTheOwnerHoldsTheReaderPingsGoOnAndTheUnreadAnswersAreNotMissed() throws Exception {
        gate = new CountDownLatch(1);
        MqttConnection c = started();
        peer.send(0x32, 6, 0, 1, 't', 0, 1, 'x');
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            clock.set(i * 30_000L);
            c.tick();
            assertEquals(0xC0, peer.read().first(), "PINGREQ number " + i);
        }
        assertTrue(c.isOpen(), "ten minutes held, not taken for a dead broker");
        assertFalse(lost.isDone());
        peer.send(0xD0, 0);
        gate.countDown();
        peer.send(0x32, 6, 0, 1, 'u', 0, 2, 'y');
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertTrue(c.isOpen());
    }

    @Test
    void aPingUnansweredForAKeepAliveIntervalEndsTheConnection() throws Exception {
        MqttConnection c = started();
        clock.set(30_000);
        c.tick();
        assertEquals(0xC0, peer.read().first());
        clock.set(59_999);
        c.tick();
        assertTrue(c.isOpen());
        clock.set(60_000);
        c.tick();
        IOException cause = lost.get(10, TimeUnit.SECONDS);
        assertEquals("the broker did not answer a ping within 30 s", cause.getMessage());
        assertTrue(peer.closedByClient());
    }

    @Test
    void closeSaysGoodbyeWithDisconnect() throws Exception {
        MqttConnection c = started();
        c.close();
        assertEquals(0xE0, peer.read().first());
        assertTrue(peer.closedByClient());
        assertFalse(lost.isDone(), "a close of our own is no loss");
    }
}
