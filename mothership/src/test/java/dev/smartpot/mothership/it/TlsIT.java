package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.ConsoleCopy;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;

/** TLS to the broker as the pots do it: trust only the CA file given; another CA's broker is refused. */
class TlsIT {

    @Test
    void connectsWithTheBrokersCaAndRefusesAnotherCa() throws Exception {
        Path dir = Files.createTempDirectory("mship-tls");
        caAndServer(dir, "127.0.0.1", "IP:127.0.0.1,DNS:localhost");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.crt", "-days", "2",
                "-subj", "/CN=other-ca");
        int tlsPort = Loopback.freePort();
        try (Mosquitto broker = QueueingBroker.start(tlsListener(dir, tlsPort))) {
            String url = "ssl://127.0.0.1:" + tlsPort;
            try (MothershipEngine wrongCa = new MothershipEngine(EngineOptions.sqlite(
                    new BrokerOptions(url, null, null, dir.resolve("other.crt"), "m-wrong", null, false), dir.resolve("w.db")))) {
                wrongCa.start();
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !wrongCa.health().brokerConnected());
            }
            try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(
                    new BrokerOptions(url, null, null, dir.resolve("ca.crt"), "m-tls", null, false), dir.resolve("m.db")));
                 ScriptedPot pot = new ScriptedPot("tls1", broker.port())) {
                engine.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> engine.health().brokerConnected());
                pot.publishReading(0, 50, 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot("tls1").map(v -> v.state() == PlantState.OK).orElse(false));
            }
        }
        assertTrue(Files.exists(dir.resolve("server.crt")));
    }

    /** The broker's certificate is signed by the trusted CA but names another host: the host name check refuses it. */
    @Test
    void refusesABrokerWhoseCertificateNamesAnotherHost() throws Exception {
        Path dir = Files.createTempDirectory("mship-tls-name");
        caAndServer(dir, "elsewhere.example", "DNS:elsewhere.example");
        int tlsPort = Loopback.freePort();
        try (ConsoleCopy said = new ConsoleCopy();
             Mosquitto broker = QueueingBroker.start(tlsListener(dir, tlsPort));
             MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(new BrokerOptions("ssl://127.0.0.1:" + tlsPort,
                     null, null, dir.resolve("ca.crt"), "m-name", null, false), dir.resolve("n.db")))) {
            engine.start();
            String refused = "cannot connect to ssl://127.0.0.1:" + tlsPort + " (TLS: the broker's certificate is not for 127.0.0.1";
            await().atMost(Duration.ofSeconds(10)).until(() -> said.said().contains(refused));
            assertTrue(said.said().contains("give the broker a certificate for 127.0.0.1"), said.said());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !engine.health().brokerConnected());
        }
    }

    /** Mosquitto's TLS listener on {@code port} with the certificates {@link #caAndServer} made. */
    private static String tlsListener(Path dir, int port) {
        return String.join("\n", "listener " + port + " 127.0.0.1", "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("server.crt"), "keyfile " + dir.resolve("server.key"));
    }

    /** A test CA (ca.crt) and a broker certificate it signed (server.crt) naming {@code cn} and {@code altNames}. */
    private static void caAndServer(Path dir, String cn, String altNames) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=test-ca");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=" + cn);
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=" + altNames + "\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "ext.cnf");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
