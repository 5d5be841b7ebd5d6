package dev.smartpot.mothership.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * A stand-in pot on the wire: publishes readings, statuses and junk at QoS 1 as the real pots do, and
 * answers commands on its own topic (the answer is up to the test).
 */
public final class ScriptedPot implements AutoCloseable {

    private final String id;
    private final Mqtt3AsyncClient client;

    public ScriptedPot(String id, int brokerPort) throws Exception {
        this.id = id;
        this.client = MqttClient.builder().useMqttVersion3().identifier("testpot-" + id).serverHost("127.0.0.1")
                .serverPort(brokerPort).buildAsync();
        client.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
    }

    /** The pots' JSON reading on the per-pot topic. */
    public static String reading(String id, long seq, double moisture, long uptimeMs) {
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"seq\":%d,\"raw\":%d,\"moisture\":%.1f,\"uptime_ms\":%d}",
                id, seq, 3000 - (int) (moisture * 15), moisture, uptimeMs);
    }

    public void publishReading(long seq, double moisture, long uptimeMs) throws Exception {
        publish("to_mothership/" + id, reading(id, seq, moisture, uptimeMs), false);
    }

    public void publish(String topic, String payload, boolean retained) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    public void publish(String topic, byte[] payload, boolean retained) throws Exception {
        client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retained).send()
                .get(10, TimeUnit.SECONDS);
    }

    /** Answers each command on {@code from_mothership/{id}} with what {@code reply} makes of its text. */
    public void answer(Function<String, String> reply) throws Exception {
        client.subscribeWith().topicFilter("from_mothership/" + id).qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            String command = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            String answer = reply.apply(command);
            if (answer != null) {
                client.publishWith().topic("to_mothership/" + id + "/reply").payload(answer.getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send();
            }
        }).send().get(10, TimeUnit.SECONDS);
    }

    /** The reply a real pot gives to a command it carried out. */
    public static String ok(String command, String resultJson) {
        return "{\"ok\":true,\"command\":\"" + command + "\",\"result\":" + resultJson + "}";
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
