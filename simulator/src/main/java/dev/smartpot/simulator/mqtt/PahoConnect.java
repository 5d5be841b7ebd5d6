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
    private volatile IMqttToken connack;
    private volatile Throwable failure;
    private volatile Throwable lostAfterConnack;

    /**
     * Connects and waits for the outcome.
     *
     * @return the CONNACK's token, or null if the broker accepted the connection and dropped it at once (see
     *         {@link #lostAfterConnack()})
     * @throws MqttException the connect failed, or no answer came within {@code timeoutMillis}
     */
    IMqttToken connect(Client client, MqttConnectOptions options, long timeoutMillis) throws MqttException {
        client.connect(options, this);
        try {
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(e);
        }
        if (failure != null) {
            throw failure instanceof MqttException ? (MqttException) failure : new MqttException(failure);
        }
        return connack;
    }

    /** Why the link went right after the broker accepted it, or null. */
    Throwable lostAfterConnack() {
        return lostAfterConnack;
    }

    /**
     * The client's link was lost. Paho reports a loss only for a connection it had marked connected, so during the
     * wait this means the CONNACK came.
     *
     * @return true if this connect took the report; false if the connect was over and the report is the caller's
     */
    boolean linkLost(Throwable cause) {
        if (done.getCount() == 0) {
            return false;
        }
        lostAfterConnack = cause;
        done.countDown();
        return true;
    }

    @Override
    public void onSuccess(IMqttToken token) {
        connack = token;
        done.countDown();
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
        failure = exception;
        done.countDown();
    }
}
