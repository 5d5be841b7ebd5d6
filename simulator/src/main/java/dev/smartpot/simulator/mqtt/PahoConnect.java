package dev.smartpot.simulator.mqtt;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One connect of Paho 1.2.5 that a link dropped right after the CONNACK cannot hang. Paho completes a connect on its
 * callback thread, and a dropped link stops that thread first: the completion is never delivered and the blocking
 * connect waits out its whole timeout. Mosquitto drops a client right after accepting it when another connects with
 * the same id at about the same time (two pots with one id, started together, hit it about one time in three).
 * Paho reports that lost link on the thread that noticed it, so this wait wakes on it too.
 */
final class PahoConnect implements IMqttActionListener {

    /** Paho's blocking client, with its asynchronous connect reachable (its delegate is protected for subclasses). */
    static final class Client extends MqttClient {
        Client(String serverUri, String clientId) throws MqttException {
            super(serverUri, clientId, new MemoryPersistence());
        }

        IMqttToken connect(MqttConnectOptions options, IMqttActionListener listener) throws MqttException {
            return aClient.connect(options, null, listener);
        }
    }

    private final CountDownLatch done = new CountDownLatch(1);
    /**
     * Guards the one outcome. Paho's {@code CommsCallback.stop()} does not wait for its callback thread, so the CONNACK's
     * completion can run on that thread while the thread that noticed the dropped link reports the loss: whichever
     * comes first decides, and the other sees it decided (a check, then a set, would let both think they had won and
     * the loss would be told to nobody).
     */
    private final Object outcome = new Object();
    private boolean decided;
    private IMqttToken connack;
    private Throwable failure;
    private Throwable lostAfterConnack;

    /**
     * Connects and waits for the outcome.
     *
     * @return the CONNACK's token, or null if the broker accepted the connection and dropped it at once (see
     *         {@link #lostAfterConnack()})
     * @throws MqttException the connect failed, or no answer came within {@code timeoutMillis}
     */
    IMqttToken connect(Client client, MqttConnectOptions options, long timeoutMillis) throws MqttException {
        client.connect(options, this);
        return outcome(timeoutMillis);
    }

    /** Waits for the connect's outcome: the CONNACK's token, null for a link lost right after it, or the failure. */
    IMqttToken outcome(long timeoutMillis) throws MqttException {
        try {
            done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            decide(null, new MqttException(e), null);
        }
        // Past the wait nothing late may decide: a loss reported after a timeout belongs to the caller.
        decide(null, new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT), null);
        synchronized (outcome) {
            if (failure != null) {
                throw failure instanceof MqttException ? (MqttException) failure : new MqttException(failure);
            }
            return connack;
        }
    }

    /** Why the link went right after the broker accepted it, or null. */
    Throwable lostAfterConnack() {
        synchronized (outcome) {
            return lostAfterConnack;
        }
    }

    /**
     * The client's link was lost. Paho reports a loss only for a connection it had marked connected, so during the
     * wait this means the CONNACK came.
     *
     * @return true if this connect took the report; false if the connect was over and the report is the caller's
     */
    boolean linkLost(Throwable cause) {
        return decide(null, null, cause);
    }

    @Override
    public void onSuccess(IMqttToken token) {
        decide(token, null, null);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
        decide(null, exception, null);
    }

    /** Sets the outcome unless one was set before; true if this call set it. */
    private boolean decide(IMqttToken answered, Throwable failed, Throwable lost) {
        synchronized (outcome) {
            if (decided) {
                return false;
            }
            decided = true;
            connack = answered;
            failure = failed;
            lostAfterConnack = lost;
        }
        done.countDown();
        return true;
    }
}
