package dev.smartpot.mothership.notify;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How the mothership notifies people.
 *
 * @param flagUrls     targets of {@code --notify} (none may hold a secret: a command line is readable by every user)
 * @param fileUrls     targets of {@code --notify-file}
 * @param publicUrl    the dashboard's address as people reach it, for the links; null: the address it listens on
 * @param retryMax     the longest wait between two attempts (the waits double from {@link #FIRST_RETRY})
 * @param giveUpAfter  a notification not taken this long after the alert is given up (and shown so)
 * @param zone         the time zone of the quiet hours: the Pi's
 * @param telegramApi  Telegram's Bot API address (tests point it at a local receiver)
 */
public record NotifyOptions(List<String> flagUrls, List<String> fileUrls, String publicUrl, Duration retryMax,
                            Duration giveUpAfter, ZoneId zone, String telegramApi) {

    public static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(10);
    public static final Duration DEFAULT_GIVE_UP = Duration.ofHours(48);

    public static final NotifyOptions NONE = new NotifyOptions(List.of(), List.of(), null, DEFAULT_RETRY_MAX, DEFAULT_GIVE_UP,
            ZoneId.systemDefault(), TelegramChannel.API);

    public NotifyOptions {
        flagUrls = List.copyOf(flagUrls);
        fileUrls = List.copyOf(fileUrls);
        if (retryMax.compareTo(Duration.ofSeconds(1)) < 0 || giveUpAfter.compareTo(retryMax) < 0) {
            throw new IllegalArgumentException("notifications: the longest wait between attempts (" + retryMax + ") must be"
                    + " at least 1 s and no longer than the give-up bound (" + giveUpAfter + "). Fix: e.g. --notify-retry-max 10m"
                    + " --notify-give-up 48h");
        }
    }

    /** The same with these targets; each URL is checked here, so a typo stops the start with words. */
    public static NotifyOptions of(List<String> flagUrls, List<String> fileUrls, String publicUrl, Duration retryMax,
                                   Duration giveUpAfter) {
        NotifyOptions o = new NotifyOptions(flagUrls, fileUrls, publicUrl, retryMax, giveUpAfter, ZoneId.systemDefault(),
                TelegramChannel.API);
        o.entries();
        return o;
    }

    public NotifyOptions withTelegramApi(String api) {
        return new NotifyOptions(flagUrls, fileUrls, publicUrl, retryMax, giveUpAfter, zone, api);
    }

    public NotifyOptions withZone(ZoneId z) {
        return new NotifyOptions(flagUrls, fileUrls, publicUrl, retryMax, giveUpAfter, z, telegramApi);
    }

    /** The configured targets; a {@code --notify} URL with a secret is refused (it would be in /proc/PID/cmdline). */
    List<TargetBook.Entry> entries() {
        List<TargetBook.Entry> out = new ArrayList<>();
        for (String url : flagUrls) {
            Target t = Target.parse(url);
            if (t.hasSecret()) {
                throw new IllegalArgumentException("--notify " + t.masked() + " holds a secret, and a command line can be read"
                        + " by every user of the machine. Fix: put the URL in a file (chmod 600) and pass --notify-file FILE,"
                        + " or add it on the dashboard's Notifications page");
            }
            out.add(new TargetBook.Entry(t, "flag"));
        }
        for (String url : fileUrls) {
            out.add(new TargetBook.Entry(Target.parse(url), "file"));
        }
        return out;
    }
}
