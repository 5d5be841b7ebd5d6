package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

/**
 * The Notifications page and the alerts' delivery list in a real browser on the real system: a person adds a webhook
 * with a password (shown back masked only), sends it a test, a pot goes OFFLINE and the alert's delivery shows as sent.
 * The delivery list is docs/notify-deliveries.png, the targets docs/notify-targets.png.
 */
class NotifyBrowserIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void addATargetTestItAndSeeTheAlertsDeliveries() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "notify-");
        try (DemoSystem demo = DemoSystem.start(new DemoSystem.Options(3, Duration.ofSeconds(1), "127.0.0.1", 0, 0, data, line -> { }));
             HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            ChromeDriver page = browser.driver();
            WebDriverWait wait = (WebDriverWait) new WebDriverWait(page, Duration.ofSeconds(30), Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class);
            page.get(demo.dashboardUrl() + "#/notify");
            String hook = "json://grower:hunter22@127.0.0.1:" + receiver.getAddress().getPort() + "/plants";
            wait.until(d -> !d.findElements(By.id("notify-url")).isEmpty());
            page.findElement(By.id("notify-url")).sendKeys(hook);
            page.findElement(By.cssSelector("#notify-add button")).click();
            String shown = "json://grower:***@127.0.0.1:" + receiver.getAddress().getPort() + "/plants";
            wait.until(d -> d.findElement(By.id("notify-targets")).getText().contains(shown));
            page.findElement(By.cssSelector("#notify-targets button[data-test]")).click();
            wait.until(d -> d.findElement(By.id("notify-targets")).getText().contains("arrived ✓"));
            assertTrue(bodies.get(0).contains("\"event\":\"test\""), bodies.get(0));
            assertFalse(page.getPageSource().contains("hunter22"), "the password is never shown back");
            browser.screenshot(Path.of("..", "docs", "notify-targets.png"));

            // The alerts page is open when the pot stops: the alert and then its delivery appear live, without a reload.
            page.get(demo.dashboardUrl() + "#/alerts");
            wait.until(d -> !d.findElements(By.id("alerts")).isEmpty());
            demo.pots().get(1).stop();
            wait.withTimeout(Duration.ofSeconds(60)).until(d -> bodies.stream().anyMatch(b -> b.contains("\"kind\":\"OFFLINE\"")));
            wait.until(d -> d.findElement(By.id("alerts")).getText().contains("OFFLINE")
                    && d.findElement(By.id("alerts")).getText().contains("sent"));
            String alerts = page.findElement(By.id("alerts")).getText();
            assertEquals(1, alerts.split(java.util.regex.Pattern.quote(shown), -1).length - 1, "one delivery listed: " + alerts);
            assertEquals(1, bodies.stream().filter(b -> b.contains("\"kind\":\"OFFLINE\"")).count(), "one POST: " + bodies);
            wait.until(d -> d.findElement(By.id("toast")).getText().isEmpty()); // the picture without "Added ..."
            browser.screenshot(SHOTS.resolve("notify-alerts.png"));
            browser.screenshot(Path.of("..", "docs", "notify-deliveries.png"));
        } finally {
            receiver.stop(0);
        }
    }
}
