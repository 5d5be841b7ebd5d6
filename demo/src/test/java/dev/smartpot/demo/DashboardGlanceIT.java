package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.engine.MothershipEngine;

/**
 * Who needs water, at a glance, in a real browser on the real system: seven simulated pots, one made DRY, one WET,
 * one stopped. The list puts them first in that order, each bar in its state's colour with the plant's band on it,
 * a phone shows at least five of them, and a pot's chart draws its band, marks its watering and its alert, and starts
 * where its readings start. The screenshots are the docs' pictures (docs/dashboard-*.png).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the list as set up first; the chart's alert then changes Aloe
class DashboardGlanceIT {

    private static final Path DOCS = Path.of("..", "docs");
    /** The state colours of app.css, as the browser computes them. */
    private static final String DRY = "rgb(217, 138, 0)";
    private static final String WET = "rgb(36, 119, 201)";
    private static final String OK = "rgb(47, 154, 87)";
    private static final String OFFLINE = "rgb(75, 85, 99)";
    private static final List<String> GROUPS = List.of("water", "alert", "silent", "fine");

    private static DemoSystem demo;
    private static HeadlessChromium browser;
    private static String fern;
    private static String aloe;
    private static String bedroom;
    private static String hall;
    private static String balcony;
    private static String bathroom;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "glance-it");
        demo = DemoSystem.start(new DemoSystem.Options(7, Duration.ofSeconds(1), "127.0.0.1", 0, 0, data, line -> { }));
        fern = id(1);
        aloe = id(2);
        bedroom = id(3);
        hall = id(4);
        balcony = id(5);
        bathroom = id(6);
        MothershipEngine engine = demo.mothership().engine();
        // The demo names each pot once it has read; the states this test needs are set after that, as a person would.
        await(() -> demo.plan().stream().allMatch(p -> engine.pots().stream().anyMatch(v -> v.name().equals(p.name())
                && v.moisture() != null)));
        engine.updateSettings(bedroom, band(bedroom, 80, 95)); // its soil is at about 66 %: DRY
        engine.updateSettings(hall, band(hall, 20, 60)); // about 73 %: WET
        demo.pots().get(5).stop(); // Balcony says offline
        await(() -> engine.pot(balcony).orElseThrow().state().name().equals("OFFLINE"));
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

    @Test
    @Order(1)
    void thePotsThatNeedAPersonComeFirstEachBarInItsStatesColourOnItsPlantsBand() throws Exception {
        ChromeDriver page = browser.driver();
        page.get(demo.dashboardUrl());
        waitUpTo(60).until(d -> rows().size() == 7 && group(bedroom).equals("water") && group(hall).equals("alert")
                && group(balcony).equals("silent"));
        List<Map<String, Object>> rows = rows();

        // Most urgent group first; within a group by room then name: stable, whatever the readings do.
        for (int i = 1; i < rows.size(); i++) {
            Map<String, Object> a = rows.get(i - 1);
            Map<String, Object> b = rows.get(i);
            int byGroup = Integer.compare(GROUPS.indexOf(a.get("group")), GROUPS.indexOf(b.get("group")));
            assertTrue(byGroup < 0 || byGroup == 0 && ((String) a.get("room")).compareToIgnoreCase((String) b.get("room")) <= 0,
                    "row " + i + " out of order: " + rows);
        }
        // Basil waters itself and comes and goes as DRY: the others' order is fixed.
        List<Object> order = new ArrayList<>(rows.stream().map(r -> r.get("id")).toList());
        order.remove(id(0));
        assertEquals(List.of(bedroom, hall, balcony, bathroom, fern, aloe), order, rows.toString());

        // Each bar in its state's colour, the plant's band on it where its thresholds are.
        assertEquals(DRY, row(rows, bedroom).get("fill"));
        assertEquals(WET, row(rows, hall).get("fill"));
        assertEquals(OFFLINE, row(rows, balcony).get("fill"));
        assertEquals(OK, row(rows, fern).get("fill"));
        assertBand(row(rows, bedroom), 80, 95);
        assertBand(row(rows, aloe), 10, 60);
        String thirsty = text(".tally.water");
        assertTrue(thirsty.equals("1 needs water") || thirsty.equals("2 need water"), "Pot 4, and Basil when it is dry: " + thirsty);
        assertEquals("1 not talking", text(".tally.silent"));
        assertTrue(text("#pots-order").startsWith("Who needs you first: pots that need water (DRY)"), "the order is explained on the page");
        browser.screenshot(DOCS.resolve("dashboard-list.png"));

        // Pot 7 turns DRY while the list is open: it moves up among those that need water, without a reload.
        MothershipEngine engine = demo.mothership().engine();
        engine.updateSettings(bathroom, band(bathroom, 75, 85));
        try {
            waitUpTo(30).until(d -> {
                List<Object> ids = rows().stream().map(r -> r.get("id")).toList();
                return group(bathroom).equals("water") && ids.indexOf(bathroom) < ids.indexOf(hall);
            });
        } finally {
            engine.updateSettings(bathroom, band(bathroom, 25, 85));
        }
        waitUpTo(30).until(d -> group(bathroom).equals("fine"));
    }

    @Test
    @Order(2)
    void aPhoneShowsAtLeastFivePotsOnOneScreen() throws Exception {
        ChromeDriver page = browser.driver();
        // The phone's own screen, 390 x 844 CSS pixels, as a phone's browser gives it (a window that size is less:
        // its frame takes some).
        page.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            page.get(demo.dashboardUrl());
            waitUpTo(60).until(d -> rows().size() == 7 && group(bedroom).equals("water"));
            browser.screenshot(DOCS.resolve("dashboard-phone.png"));
            long viewport = (Long) page.executeScript("return window.innerHeight");
            assertEquals(844, viewport, "the phone's screen");
            long whole = (Long) page.executeScript("return [...document.querySelectorAll('#pots tbody tr')]"
                    + ".filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }).length");
            assertTrue(whole >= 5, whole + " pots wholly on the first screen of " + viewport + " px");
            long scrollWidth = (Long) page.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth <= 390, "no sideways scrolling: " + scrollWidth);
            assertEquals(DRY, row(rows(), bedroom).get("fill"), "the colours on a phone too");
            assertTrue(text("#pots-order").startsWith("Who needs you first: dry, alerts, not talking, fine"), "in short on a phone");
            page.get(demo.dashboardUrl() + "#/pot/" + bedroom);
            waitUpTo(30).until(d -> "80-95".equals(chart("band")));
            page.executeScript("document.querySelector('#chart').scrollIntoView({block: 'center'})");
            browser.screenshot(DOCS.resolve("dashboard-phone-chart.png"));
        } finally {
            page.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(3)
    void aPotsChartDrawsItsBandMarksItsWateringAndAlertAndStartsWithItsReadings() throws Exception {
        MothershipEngine engine = demo.mothership().engine();
        ChromeDriver page = browser.driver();
        page.get(demo.dashboardUrl() + "#/pot/" + aloe);
        waitUpTo(30).until(d -> "10-60".equals(chart("band")) && "0".equals(chart("alerts"))
                && d.findElement(By.id("live")).getDomAttribute("class").contains("on"));

        // While the page is open: a DRY alert for Aloe (its band raised over its moisture), a watering, then its own
        // band back (OK again). The band follows and the marks appear, live.
        engine.updateSettings(aloe, band(aloe, 50, 60));
        waitUpTo(30).until(d -> "50-60".equals(chart("band")) && "1".equals(chart("alerts")));
        long readings = engine.pot(aloe).orElseThrow().readings();
        await(() -> engine.pot(aloe).orElseThrow().readings() >= readings + 3); // the two marks a few readings apart
        double before = engine.pot(aloe).orElseThrow().moisture();
        CommandView watered = engine.water(aloe, 80, "glance-test").get(30, TimeUnit.SECONDS);
        assertEquals("ok", watered.status(), watered.toString());
        engine.updateSettings(aloe, band(aloe, 10, 60));
        await(() -> engine.pot(aloe).orElseThrow().state().name().equals("OK"));
        waitUpTo(30).until(d -> "10-60".equals(chart("band")) && "1".equals(chart("waterings")) && "1".equals(chart("alerts")));
        // The line rises after the watering's mark, live.
        waitUpTo(30).until(d -> Double.parseDouble(d.findElement(By.id("pot-moisture")).getText().replace("%", "").trim()) > before + 5);

        // The band spans 10 % to 60 % of the 0-100 % axis: half the plot's height, its top at 40 %.
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) page.executeScript("const o = document.querySelector('#chart .u-over')"
                + ".getBoundingClientRect(); const b = document.querySelector('#chart .chart-band').getBoundingClientRect();"
                + "const w = document.querySelector('#chart .chart-mark.watering').getBoundingClientRect();"
                + "return {plotTop: o.top, plotHeight: o.height, plotLeft: o.left, plotWidth: o.width, bandTop: b.top,"
                + " bandHeight: b.height, waterX: w.left, alert: document.querySelector('#chart .chart-mark.alert').className,"
                + " labels: document.querySelector('#chart .chart-band-labels').textContent};");
        double plotHeight = num(g, "plotHeight");
        assertEquals(plotHeight * 0.5, num(g, "bandHeight"), 2.0, g.toString());
        assertEquals(plotHeight * 0.4, num(g, "bandTop") - num(g, "plotTop"), 2.0, g.toString());
        assertTrue(num(g, "waterX") > num(g, "plotLeft") && num(g, "waterX") < num(g, "plotLeft") + num(g, "plotWidth"),
                "the watering is marked inside the chart: " + g);
        assertEquals("chart-mark alert DRY", g.get("alert"), "the DRY alert's mark");
        assertEquals("wet above 60.0 %dry below 10.0 %", g.get("labels"), "the band says what it is");

        // The time axis starts with the pot's readings (minutes ago), not an hour ago with them squeezed at the right.
        double xMin = Double.parseDouble(chart("x-min"));
        double firstReading = Double.parseDouble(chart("first-reading"));
        double hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        assertTrue(xMin > hourAgo + 40 * 60, "the axis starts " + (xMin - hourAgo) + " s after the hour's start");
        assertTrue(xMin <= firstReading, "no reading is left off: " + xMin + " > " + firstReading);
        page.executeScript("window.scrollTo(0, 0)"); // the phone test scrolled the same page (only the hash changed since)
        browser.screenshot(DOCS.resolve("dashboard-chart.png"));
    }

    private static String id(int i) {
        return demo.pots().get(i).clientId();
    }

    /** The demo's settings for this pot with another band; the rest as the demo set it. */
    private static PotSettings band(String potId, double dryBelow, double wetAbove) {
        PotSettings s = demo.mothership().engine().settings(potId);
        return new PotSettings(s.name(), s.room(), s.preset(), dryBelow, wetAbove, s.hysteresis(), s.autoWater(), s.waterMl(),
                s.dailyMaxMl(), s.cooldownMinutes());
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class);
    }

    /** The list as the page shows it, read in one go (it redraws on live readings): id, group, room, bar and band. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows() {
        return (List<Map<String, Object>>) browser.driver().executeScript(
                "return [...document.querySelectorAll('#pots tbody tr[data-pot-id]')].map(r => {"
                + " const bar = r.querySelector('.bar'); const fill = bar && bar.querySelector('.fill');"
                + " const band = bar && bar.querySelector('.band'); const rb = bar && bar.getBoundingClientRect();"
                + " const nb = band && band.getBoundingClientRect();"
                + " return {id: r.dataset.potId, group: r.dataset.group, room: r.querySelector('td.room').textContent,"
                + " fill: fill ? getComputedStyle(fill).backgroundColor : null,"
                + " bandFrom: band ? (nb.left - rb.left) / rb.width * 100 : null,"
                + " bandTo: band ? (nb.right - rb.left) / rb.width * 100 : null}; })");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String potId) {
        return rows.stream().filter(r -> potId.equals(r.get("id"))).findFirst().orElseThrow(() -> new AssertionError(potId + " not in " + rows));
    }

    private static String group(String potId) {
        return rows().stream().filter(r -> potId.equals(r.get("id"))).map(r -> (String) r.get("group")).findFirst().orElse("");
    }

    private static void assertBand(Map<String, Object> row, double dry, double wet) {
        assertEquals(dry, num(row, "bandFrom"), 1.5, "the band starts at dry below: " + row);
        assertEquals(wet, num(row, "bandTo"), 1.5, "the band ends at wet above: " + row);
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static String chart(String attribute) {
        return browser.driver().findElement(By.id("chart")).getDomAttribute("data-" + attribute);
    }
}
