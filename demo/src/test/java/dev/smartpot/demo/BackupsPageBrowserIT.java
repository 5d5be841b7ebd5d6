package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.backup.BackupPlan;

/**
 * The dashboard's Backups page in headless chromium: the nightly plan, Back up now, and the latest backup offered
 * for download (fetched by the page itself: an SQLite file). The picture is docs/backups.png.
 */
class BackupsPageBrowserIT {

    private static final Path DOCS_SHOT = Path.of("..", "docs", "backups.png");

    @Test
    void theBackupsPageMakesOneAndOffersItForDownload() throws Exception {
        Path dir = Files.createTempDirectory("backups-page");
        MothershipApp app = MothershipApp.start(new MothershipApp.Options(null, 0, "127.0.0.1", 0, dir.resolve("data"), null, null,
                null, false, null), new BackupPlan(dir.resolve("shelf"), 14, LocalTime.of(3, 0)));
        try (HeadlessChromium browser = new HeadlessChromium(1100, 560)) {
            ChromeDriver page = browser.driver();
            page.get(app.dashboardUrl() + "#/backups");
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20), Duration.ofMillis(100));
            wait.until(d -> d.findElement(By.id("view")).getText().contains("No backup yet"));
            assertTrue(page.findElement(By.id("view")).getText().contains("Every night at 03:00 into " + dir.resolve("shelf").toAbsolutePath()
                    + ", keeping the 14 newest."), page.findElement(By.id("view")).getText());

            page.findElement(By.id("backup-now")).click();
            wait.until(d -> !d.findElements(By.id("backup-download")).isEmpty());
            String name = app.nightlyBackups().latest().orElseThrow().getFileName().toString();
            assertTrue(page.findElement(By.id("view")).getText().contains("Latest: " + name), page.findElement(By.id("view")).getText());
            assertTrue(page.findElement(By.id("backup-download")).getAttribute("href").endsWith("/api/backups/latest"));
            Object head = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('backup-download').href).then(r => r.arrayBuffer())"
                    + ".then(b => done(new TextDecoder().decode(new Uint8Array(b).slice(0, 15))));");
            assertEquals("SQLite format 3", head, "the link downloads the backup file");
            browser.screenshot(DOCS_SHOT);
        } finally {
            app.close();
        }
    }
}
