package dev.smartpot.mothership.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes a backup every night at the plan's time (and on demand from the dashboard) into the plan's folder, named
 * {@code smartpot-YYYYMMDD-HHMMSS.sqlite} by the Pi's local time, and deletes all but the newest {@code keep}
 * of them. Other files in the folder are never touched.
 */
public final class NightlyBackups implements AutoCloseable {

    static final String PREFIX = "smartpot-";
    static final String SUFFIX = ".sqlite";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StoreAddress source;
    private final BackupPlan plan;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mothership-backup");
        t.setDaemon(true);
        return t;
    });

    public NightlyBackups(StoreAddress source, BackupPlan plan, Clock clock) throws BackupException {
        this.source = source;
        this.plan = plan;
        this.clock = clock;
        try {
            Files.createDirectories(plan.dir());
        } catch (IOException e) {
            throw new BackupException("the backup folder " + plan.dir() + " cannot be made: " + e.getMessage()
                    + ". Fix: pass --backup-dir with a folder this user may create and write (best on another disk than --data)", e);
        }
        if (!Files.isWritable(plan.dir())) {
            throw new BackupException("the backup folder " + plan.dir()
                    + " is not writable. Fix: pass --backup-dir with a folder this user may write");
        }
    }

    /** Schedules the nightly run. */
    public void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        long wait = untilNext(ZonedDateTime.now(clock), plan).toMillis();
        timer.schedule(() -> {
            try {
                Backups.Made made = now();
                System.out.println("mothership: nightly backup " + made.file() + " (" + made.readings() + " readings)");
            } catch (BackupException e) {
                System.err.println("mothership: nightly backup failed: " + e.getMessage());
            } finally {
                scheduleNext();
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    /** Makes a backup now and prunes the old ones; one at a time. */
    public synchronized Backups.Made now() throws BackupException {
        Path file = plan.dir().resolve(PREFIX + LocalDateTime.now(clock).format(STAMP) + SUFFIX);
        if (Files.exists(file)) {
            // Two in one second (a click right after the nightly run): the one there is as fresh.
            throw new BackupException(file + " was made this very second. Fix: wait a second and try again");
        }
        Backups.Made made = Backups.backup(source, file);
        prune();
        return made;
    }

    /** The newest backup in the folder, if any. */
    public Optional<Path> latest() {
        List<Path> all = backups();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public BackupPlan plan() {
        return plan;
    }

    private void prune() {
        List<Path> all = backups();
        for (Path old : all.subList(0, Math.max(0, all.size() - plan.keep()))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                System.err.println("mothership: cannot delete the old backup " + old + ": " + e.getMessage());
            }
        }
    }

    /** This schedule's backups, oldest first (the name sorts by time). */
    List<Path> backups() {
        try (Stream<Path> files = Files.list(plan.dir())) {
            return files.filter(NightlyBackups::isOurs).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean isOurs(Path p) {
        String name = p.getFileName().toString();
        return name.matches(PREFIX + "[0-9]{8}-[0-9]{6}" + java.util.regex.Pattern.quote(SUFFIX)) && Files.isRegularFile(p);
    }

    /** Time until the plan's next local time of day (tomorrow's if today's has passed); DST is the zone's business. */
    static Duration untilNext(ZonedDateTime now, BackupPlan plan) {
        ZonedDateTime next = now.with(plan.at()).withNano(0);
        if (!next.isAfter(now)) {
            next = now.plusDays(1).with(plan.at()).withNano(0);
        }
        return Duration.between(now, next);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
