package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.notify.NotifyFile;
import dev.smartpot.mothership.notify.NotifyOptions;
import picocli.CommandLine.Option;

/** The command line's notification flags (a picocli mixin of {@link MothershipMain}). */
final class NotifyFlags {

    @Option(names = "--notify", paramLabel = "URL",
            description = "Send each new alert there (repeatable): ntfy://HOST/TOPIC, ntfys://, json://HOST:PORT/PATH, jsons://, "
                    + "mailto://, mailtos://, tgram://BOTTOKEN/CHATID; ?kinds=DRY,WET&pots=ROOM&quiet=22:00-07:00&urgent=FAULT route it. "
                    + "A URL with a password or token goes in --notify-file instead (see docs/notifications.md).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--notify-file", paramLabel = "FILE",
            description = "Notification URLs, one a line (they may hold passwords: the file must be chmod 600).")
    Path file;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The dashboard's address as people reach it (e.g. http://pi.local:8080/), for the links in notifications "
                    + "(default: the --http address).")
    String publicUrl;

    @Option(names = "--notify-retry-max", paramLabel = "DURATION", defaultValue = "10m",
            description = "Longest wait between two attempts to deliver a notification; the waits double from 2 s (default: ${DEFAULT-VALUE}).")
    String retryMax;

    @Option(names = "--notify-give-up", paramLabel = "DURATION", defaultValue = "48h",
            description = "A notification not delivered this long after its alert is given up, and the dashboard says so "
                    + "(default: ${DEFAULT-VALUE}).")
    String giveUp;

    NotifyOptions options() throws IOException {
        List<String> fromFile = file == null ? List.of() : NotifyFile.read(file);
        if (publicUrl != null && !publicUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("--public-url " + publicUrl + " is not a web address. Fix: write it as people open the"
                    + " dashboard, e.g. http://pi.local:8080/");
        }
        return NotifyOptions.of(urls, fromFile, publicUrl, duration("--notify-retry-max", retryMax),
                duration("--notify-give-up", giveUp));
    }

    private static Duration duration(String flag, String text) {
        Duration d;
        try {
            d = LinkWatch.parse(text);
        } catch (IllegalArgumentException e) {
            d = Duration.ZERO;
        }
        if (d.isZero()) {
            throw new IllegalArgumentException(flag + " " + text + " is not a duration above 0. Fix: write e.g. 30s, 10m or 48h");
        }
        return d;
    }
}
