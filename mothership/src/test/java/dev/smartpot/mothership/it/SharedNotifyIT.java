package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.notify.NotifyOptions;
import dev.smartpot.mothership.testing.HookReceiver;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;

/**
 * Two motherships sharing the ingest and one PostgreSQL, both notifying the same webhook: every alert is sent once,
 * not once per instance (one of them stores it with its outbox rows, and a claimed row is leased to one sender).
 */
class SharedNotifyIT {

    private static final int POTS = 12;

    @Test
    void eachAlertIsSentOnceNotOncePerInstance() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (PostgresServer pg = PostgresServer.start(); Mosquitto broker = QueueingBroker.start();
             HookReceiver receiver = new HookReceiver(Loopback.freePort()).start()) {
            String url = pg.createDatabase("mothership");
            NotifyOptions notify = NotifyOptions.of(List.of("json://127.0.0.1:" + receiver.port() + "/hook"), List.of(), null,
                    Duration.ofSeconds(1), Duration.ofHours(1));
            try (MothershipEngine a = engine(broker, url, "mship-a", notify); MothershipEngine b = engine(broker, url, "mship-b", notify)) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> a.health().brokerConnected() && b.health().brokerConnected());
                List<ScriptedPot> pots = new ArrayList<>();
                try {
                    for (int i = 0; i < POTS; i++) {
                        pots.add(new ScriptedPot("n" + i, broker.port()));
                    }
                    for (int seq = 0; seq < 3; seq++) {
                        for (ScriptedPot p : pots) {
                            p.publishReading(seq, 10, 60_000L * seq);
                        }
                    }
                    Function<HookReceiver.Request, String> alertId = r -> {
                        try {
                            return json.readTree(r.body()).get("alert_id").asText();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= POTS);
                    await("no alert twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                            .until(() -> receiver.requests().size() == POTS);
                    Map<String, Long> perAlert = receiver.requests().stream().collect(Collectors.groupingBy(alertId, Collectors.counting()));
                    assertEquals(POTS, perAlert.size(), "one POST per alert: " + perAlert);
                    assertEquals(POTS, a.alerts(true, 100).stream().filter(x -> x.kind().equals("DRY")).count());
                } finally {
                    for (ScriptedPot p : pots) {
                        p.close();
                    }
                }
            }
        }
    }

    private static MothershipEngine engine(Mosquitto broker, String url, String clientId, NotifyOptions notify) {
        return new MothershipEngine(EngineOptions.postgres(
                new BrokerOptions(broker.uri(), null, null, null, clientId, "motherships", true), url, null, null), notify);
    }
}
