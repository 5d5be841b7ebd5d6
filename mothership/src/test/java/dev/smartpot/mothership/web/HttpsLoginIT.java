package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.testkit.Processes;

/**
 * Issue 23, hole 7: login mode was plain HTTP, so the password, the session cookie (without Secure) and the API
 * token crossed the LAN in clear. With --tls-cert/--tls-key (here an EC certificate signed by a CA, as
 * scripts/broker --secure makes them) the dashboard speaks only HTTPS and its cookie is Secure.
 */
class HttpsLoginIT {

    @Test
    void loginOverHttpsGetsASecureCookieAndPlainHttpIsNotServed() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "https").toAbsolutePath()), "certs-");
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=test CA", "-keyout", "ca.key", "-out", "ca.crt");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                "-extfile", "ext.cnf", "-out", "server.crt");

        FakeMothership engine = new FakeMothership().addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 1);
        try (WebServer server = WebServer.start(engine, new WebServer.Options("0.0.0.0", 0, dir.resolve("data"), false,
                Duration.ofSeconds(2), dir.resolve("server.crt"), dir.resolve("server.key")))) {
            assertTrue(server.url().startsWith("https://"), server.url());
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("ca.crt")))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + server.port();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("X-SmartPot-Request", "1").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                            + server.createdLogin().password() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
            HttpResponse<String> pots = client.send(HttpRequest.newBuilder(URI.create(base + "/api/pots"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, pots.statusCode(), pots.body());

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/session")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
                    "no plain HTTP on the dashboard's port");
        }
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            anchors.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Processes.Finished done = Processes.run(new ProcessBuilder(command).directory(dir.toFile()), Duration.ofSeconds(60));
        assertEquals(0, done.exitCode(), "openssl " + String.join(" ", args) + ": " + done.output());
    }
}
