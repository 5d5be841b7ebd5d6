package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium) on the real system: embedded broker,
 * mothership, simulated pots with soil and pump. What a person does and sees: the pots appear, a pot's
 * chart draws, Water is clicked, the pot's reply shows and its moisture rises. Screenshots in target/screenshots;
 * the pot list with every pot's moisture is also the README's picture, docs/dashboard.png, so it shows today's page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the README's picture first: before any test stops or adds a pot
class DashboardBrowserIT {

    private static final Path SHOTS = Path.of("target", "screenshots");
    /** The README's screenshot of the dashboard; the tests run in the demo module's folder. */
    private static final Path README_SHOT = Path.of("..", "docs", "dashboard.png");
    /** The rows of the demo's simulated pots (not the sleeping pot one test adds on the wire). */
    private static final By DEMO_ROWS = By.cssSelector("#pots tbody tr[data-pot-id]:not([data-pot-id='5eeb5eeb5eeb'])");
    private static DemoSystem demo;
    private static HeadlessChromium browser;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("demo-it");
        demo = DemoSystem.start(new DemoSystem.Options(3, Duration.ofSeconds(1), "127.0.0.1", 0, 0, data, line -> { }));
        browser = new HeadlessChromium(1280, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        // The page redraws a row or a stat on every live reading: an element found a moment ago may be gone.
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    @Order(1)
    void potsAppearAChartDrawsAndWateringRaisesTheMoisture() throws Exception {
        ChromeDriver page = browser.driver();
        page.get(demo.dashboardUrl());

        // The simulated pots appear, with the names and rooms the demo gave them.
        waitUpTo(60).until(d -> d.findElements(DEMO_ROWS).size() == 3
                && d.findElement(By.id("pots")).getText().contains("Aloe") && d.findElement(By.id("pots")).getText().contains("Office"));
        assertEquals(3, page.findElements(DEMO_ROWS).size());
        browser.screenshot(SHOTS.resolve("pot-list.png"));
        // The README's picture: each pot with a moisture bar, not rows still waiting for their first reading.
        waitUpTo(30).until(d -> d.findElements(DEMO_ROWS).stream().allMatch(r -> !r.findElements(By.cssSelector(".moisture .bar")).isEmpty()));
        browser.screenshot(README_SHOT);

        // A pot's page: its history chart draws with data.
        String aloe = demo.pots().get(2).clientId();
        waitUpTo(10).until(d -> {
            d.findElement(By.cssSelector("tr[data-pot-id='" + aloe + "']")).click();
            return true;
        });
        waitUpTo(30).until(d -> d.findElement(By.id("pot-name")).getText().equals("Aloe"));
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#chart canvas")).isEmpty()
                && Integer.parseInt(d.findElement(By.id("chart")).getDomAttribute("data-points")) >= 3);
        double before = waitUpTo(10).until(d -> moisture());

        // Water: the pot's reply shows, and the live moisture rises (the simulated soil takes the water).
        waitUpTo(30).until(d -> d.findElement(By.id("water-note")).getText().equals("80 ml"));
        page.findElement(By.id("water-btn")).click();
        WebElement reply = page.findElement(By.id("command-reply"));
        waitUpTo(30).until(d -> reply.getText().contains("\"watered_ml\": 80"));
        assertTrue(reply.getText().startsWith("ok"), reply.getText());
        waitUpTo(30).until(d -> moisture() != null && moisture() > before + 8);
        browser.screenshot(SHOTS.resolve("pot-watered.png"));

        // The watering log shows it.
        waitUpTo(30).until(d -> d.findElement(By.id("pot-waterings")).getText().contains("80"));
    }

    @Test
    void aPotThatStopsTalkingIsShownOfflineNeverOk() throws Exception {
        ChromeDriver page = browser.driver();
        page.get(demo.dashboardUrl() + "#/");
        String fern = demo.pots().get(1).clientId();
        By fernState = By.cssSelector("tr[data-pot-id='" + fern + "'] .state");
        waitUpTo(60).until(d -> d.findElement(fernState).getText().equals("OK"));
        demo.pots().get(1).stop(); // a clean stop: the pot says "offline" on its retained status
        waitUpTo(30).until(d -> d.findElement(fernState).getText().equals("OFFLINE"));
        browser.screenshot(SHOTS.resolve("pot-list-offline.png"));
        page.get(demo.dashboardUrl() + "#/alerts");
        waitUpTo(30).until(d -> d.findElement(By.id("alerts")).getText().contains("OFFLINE"));
        browser.screenshot(SHOTS.resolve("alerts.png"));

        // A person acknowledges it: it stays listed while it lasts, but as seen.
        waitUpTo(10).until(d -> {
            d.findElement(By.cssSelector("#alerts button[data-ack]")).click();
            return true;
        });
        waitUpTo(30).until(d -> d.findElement(By.id("alerts")).getText().contains("seen by local"));
    }

    @Test
    void aPotAsleepOnPurposeShowsWhenItWakesItsWakesAndItsBattery() throws Exception {
        // A deep-sleep pot's burst as it is on the wire: a reading with its battery, then the retained asleep status
        // with the wake's phases as the pot measured them.
        java.net.URI broker = java.net.URI.create(demo.brokerUrl());
        com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient pot = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion3()
                .identifier("sleepy-browser").serverHost(broker.getHost()).serverPort(broker.getPort()).buildBlocking();
        pot.connect();
        try {
            java.time.Instant wakeAt = java.time.Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            String wake = wakeAt.toString().substring(11, 16);
            dev.smartpot.protocol.WakePhases phases = new dev.smartpot.protocol.WakePhases();
            phases.boot = 1;
            phases.seq = 1;
            phases.reset = dev.smartpot.protocol.WakePhases.RESET_DEEP_SLEEP;
            phases.bootMillis = 300;
            phases.bootModelled = true;
            phases.wifiMillis = 270;
            phases.mqttMillis = 9;
            phases.publishMillis = 5;
            phases.readings = 1;
            phases.listenMillis = 53;
            phases.awakeMillis = 641;
            dev.smartpot.protocol.WireText asleep = new dev.smartpot.protocol.WireText();
            dev.smartpot.protocol.StatusEncoder.asleep(asleep, wakeAt.toEpochMilli(), 3_600_000, phases);
            pot.publishWith().topic("to_mothership/5eeb5eeb5eeb").qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"id\":\"5eeb5eeb5eeb\",\"seq\":1,\"boot\":1,\"raw\":2100,\"moisture\":50.0,"
                            + "\"uptime_ms\":300,\"battery_mv\":2870}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
            pot.publishWith().topic("to_mothership/5eeb5eeb5eeb/status").qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
                    .retain(true).payload(asleep.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
            ChromeDriver page = browser.driver();
            page.get(demo.dashboardUrl() + "#/");
            By row = By.cssSelector("tr[data-pot-id='5eeb5eeb5eeb']");
            waitUpTo(30).until(d -> d.findElement(row).getText().contains("asleep until " + wake + " UTC"));
            assertEquals("OK", page.findElement(By.cssSelector("tr[data-pot-id='5eeb5eeb5eeb'] .state")).getText(),
                    "asleep on purpose is not STALE; the plant's state stays");
            assertTrue(page.findElement(row).getText().contains("2.87 V"), page.findElement(row).getText());
            browser.screenshot(SHOTS.resolve("pot-list-asleep.png"));
            page.get(demo.dashboardUrl() + "#/pot/5eeb5eeb5eeb");
            waitUpTo(30).until(d -> d.findElement(By.id("pot-battery")).getText().startsWith("2.87 V"));
            // Its wakes: the timeline draws the one it reported, the table shows its phases, the battery its trend.
            waitUpTo(30).until(d -> "1".equals(d.findElement(By.id("wakes-chart")).getAttribute("data-wakes"))
                    && !d.findElements(By.cssSelector("#wakes-chart canvas")).isEmpty());
            String wakeRow = page.findElement(By.cssSelector("#wakes-table tr[data-wake='1-1']")).getText();
            assertTrue(wakeRow.contains("deep-sleep") && wakeRow.contains("641") && wakeRow.contains("270"), wakeRow);
            assertEquals("1", page.findElement(By.id("battery-chart")).getAttribute("data-points"));
            assertTrue(page.findElement(By.id("wakes-summary")).getText().contains("1 wakes; awake median 641 ms"),
                    page.findElement(By.id("wakes-summary")).getText());
            browser.screenshot(SHOTS.resolve("pot-wakes.png"));
            // A pot on USB power has no wakes and no battery: its section lists its connects, each with its phases.
            page.get(demo.dashboardUrl() + "#/");
            waitUpTo(30).until(d -> !d.findElements(DEMO_ROWS).isEmpty());
            String usbPot = page.findElements(DEMO_ROWS).get(0).getAttribute("data-pot-id");
            page.get(demo.dashboardUrl() + "#/pot/" + usbPot);
            waitUpTo(30).until(d -> "1".equals(d.findElement(By.id("pot-wakes")).getAttribute("data-loaded")));
            String connect = waitUpTo(30).until(d -> d.findElement(By.cssSelector("#connects-table tr[data-connect]"))).getText();
            assertTrue(connect.contains(", #1") && connect.contains("power-on"), "its first connect: " + connect);
            assertTrue(page.findElements(By.id("wakes-chart")).isEmpty(), "no wakes and no battery: no wakes chart");
        } finally {
            pot.publishWith().topic("to_mothership/5eeb5eeb5eeb/status").retain(true).payload(new byte[0]).send();
            pot.disconnect();
        }
    }

    @Test
    void settingsSavedFromTheFormReachTheMothership() throws Exception {
        ChromeDriver page = browser.driver();
        String aloe = demo.pots().get(2).clientId();
        page.get(demo.dashboardUrl() + "#/pot/" + aloe);
        WebElement dailyMax = waitUpTo(30).until(d -> {
            WebElement e = d.findElement(By.cssSelector("#settings-form input[name=daily_max_ml]"));
            return e.getDomProperty("value").isEmpty() ? null : e;
        });
        dailyMax.clear();
        dailyMax.sendKeys("450");
        page.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
        waitUpTo(30).until(d -> d.findElement(By.id("settings-note")).getText().equals("Saved."));
        assertEquals(450, demo.mothership().engine().settings(aloe).dailyMaxMl());
        browser.screenshot(SHOTS.resolve("pot-settings.png"));

        page.get(demo.dashboardUrl() + "#/commands");
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#commands")).isEmpty());
        browser.screenshot(SHOTS.resolve("command-log.png"));
    }

    @Test
    void readableOnAPhone() throws Exception {
        ChromeDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(390, 844));
        try {
            page.get(demo.dashboardUrl());
            waitUpTo(60).until(d -> d.findElements(DEMO_ROWS).size() == 3);
            WebElement firstRow = page.findElement(DEMO_ROWS);
            assertTrue(firstRow.getSize().getWidth() <= 390, "a pot is a card as wide as the phone, no sideways scrolling");
            long scrollWidth = (Long) page.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth <= 390, "page width " + scrollWidth);
            browser.screenshot(SHOTS.resolve("pot-list-phone.png"));
            page.get(demo.dashboardUrl() + "#/pot/" + demo.pots().get(0).clientId());
            waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#chart canvas")).isEmpty());
            long potPageWidth = (Long) page.executeScript("return document.documentElement.scrollWidth");
            assertTrue(potPageWidth <= 390, "pot page width " + potPageWidth);
            browser.screenshot(SHOTS.resolve("pot-page-phone.png"));
        } finally {
            page.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** The moisture the pot page shows; null while it shows none yet. */
    private static Double moisture() {
        String text = browser.driver().findElement(By.id("pot-moisture")).getText().replace("%", "").trim();
        return text.equals("—") ? null : Double.parseDouble(text);
    }
}
