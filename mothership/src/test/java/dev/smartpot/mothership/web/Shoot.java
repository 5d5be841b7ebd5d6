package dev.smartpot.mothership.web;

import java.nio.file.Path;

import org.openqa.selenium.logging.LogEntry;

/** Dev helper: {@code Shoot URL FILE [width height]} saves a screenshot and prints the console. */
public final class Shoot {
    public static void main(String[] args) throws Exception {
        int w = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
        int h = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        try (HeadlessChromium browser = new HeadlessChromium(w, h)) {
            browser.driver().get(args[0]);
            Thread.sleep(2500);
            browser.screenshot(Path.of(args[1]));
            for (LogEntry e : browser.driver().manage().logs().get("browser")) {
                System.out.println(e);
            }
        }
    }
}
