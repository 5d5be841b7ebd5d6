package dev.smartpot.simulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttToken;
import org.junit.jupiter.api.Test;

/**
 * A connect's outcome when the CONNACK and the lost link race: Paho completes the connect on its callback thread while
 * the thread that noticed the broker hang up reports the loss (its {@code CommsCallback.stop()} does not wait for the
 * callback thread). Whatever the order, the core must hear of the loss exactly once: from the connect (it returns no
 * CONNACK) or from the listener (the loss came after it).
 */
class PahoConnectTest {

    private static final long WAIT_MILLIS = 5_000;

    @Test
    void aLossAfterTheConnackIsTheCallersToReport() throws Exception {
        PahoConnect connect = new PahoConnect();
        IMqttToken connack = new MqttToken("test");
        connect.onSuccess(connack);
        assertEquals(false, connect.linkLost(new EOFException()), "the connect was over: the caller reports the loss");
        assertSame(connack, connect.outcome(WAIT_MILLIS));
    }

    @Test
    void aLossBeforeTheConnackIsDeliveredEndsTheConnectWithoutOne() throws Exception {
        PahoConnect connect = new PahoConnect();
        EOFException cause = new EOFException();
        assertTrue(connect.linkLost(cause));
        connect.onSuccess(new MqttToken("test"));
        assertNull(connect.outcome(WAIT_MILLIS), "accepted then dropped: no CONNACK to go on");
        assertSame(cause, connect.lostAfterConnack());
    }

    @Test
    void whenBothComeAtOnceTheLossIsToldExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20_000; round++) {
                PahoConnect connect = new PahoConnect();
                CyclicBarrier together = new CyclicBarrier(2);
                threads.submit(() -> {
                    together.await();
                    connect.onSuccess(new MqttToken("test"));
                    return null;
                });
                Future<Boolean> takenByConnect = threads.submit(() -> {
                    together.await();
                    return connect.linkLost(new EOFException());
                });
                boolean connectEndedWithoutConnack = connect.outcome(WAIT_MILLIS) == null;
                boolean connectTookTheLoss = takenByConnect.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                assertEquals(connectTookTheLoss, connectEndedWithoutConnack, "round " + round + ": the loss was told "
                        + (connectTookTheLoss ? "to nobody" : "twice"));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
