package dev.smartpot.demo;

import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Dev tool, not a test: {@code Screenshot URL FILE [WIDTH HEIGHT]} opens a page of a running dashboard in
 * headless chromium, waits until its script has drawn the page, and saves a PNG (to look at a change).
 */
public final class Screenshot {

    public static void main(String[] args) throws Exception {
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 900;
        try (HeadlessChromium browser = new HeadlessChromium(width, height)) {
            browser.driver().get(args[0]);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.id("live-text")).getText().equals("live"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("main *")).isEmpty());
            System.out.println("saved " + browser.screenshot(Path.of(args[1])));
        }
    }
}
