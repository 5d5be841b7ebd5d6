package dev.smartpot.mothership.web;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.ReadingView;

/**
 * The dashboard on the fake engine, for looking at the page while the engine is built elsewhere:
 * {@code java -cp ... dev.smartpot.mothership.web.DevServer [host] [port]}. A reading event every 2 s.
 */
public final class DevServer {

    public static void main(String[] args) throws Exception {
        FakeMothership engine = new FakeMothership()
                .addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 600)
                .addPot("0011223344ff", "Fern", "Hall", PlantState.STALE, 50)
                .addPot("c0ffee000001", "Aloe", "Living room", PlantState.DRY, 300)
                .addPot("c0ffee000002", "Ficus", "Office", PlantState.FAULT, 100)
                .addPot("c0ffee000003", "Mint", "Balcony", PlantState.OFFLINE, 20);
        engine.alerts.add(new AlertView(7, "0011223344ff", "STALE", "no reading for 16 s", Instant.now().minusSeconds(40), null, null, null));
        engine.alerts.add(new AlertView(8, "c0ffee000001", "DRY", "moisture 18.2% below 25%", Instant.now().minusSeconds(400), null, null, null));
        engine.healthy = !"down".equals(System.getenv("DEV_HEALTH")); // DEV_HEALTH=down shows the problem banner
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        WebServer server = WebServer.start(engine, new WebServer.Options(host, port, Files.createTempDirectory("devserver"), false, Duration.ofSeconds(5)));
        System.out.println("dashboard: " + server.url());
        if (server.createdLogin() != null) {
            System.out.println("login: admin / " + server.createdLogin().password() + " token " + server.createdLogin().apiToken());
        }
        long seq = 1000;
        while (true) {
            Thread.sleep(2000);
            Instant now = Instant.now();
            double m = 50 + 5 * Math.sin(seq / 10.0);
            engine.readings.get("a1b2c3d4e5f6").add(new ReadingView("a1b2c3d4e5f6", 1, seq, 2100, m, null, now, now));
            engine.publish(new Event("reading", "a1b2c3d4e5f6", new ReadingView("a1b2c3d4e5f6", 1, seq++, 2100, m, null, now, now)));
        }
    }
}
