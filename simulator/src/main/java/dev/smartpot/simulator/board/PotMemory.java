package dev.smartpot.simulator.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.board.SettingsStore;

/**
 * What a simulated pot keeps outside its core, as a board would: RTC memory (an object that a simulated reboot or
 * deep sleep keeps and a simulated power cut loses, 6,144 bytes like the firmware's region) and the flash sequence
 * mark. Between two runs of the simulator the RTC contents go to a file beside the config ({@code <config>.rtc}),
 * so readings still queued at a clean stop are sent by the next run of the same pot.
 */
public final class PotMemory {

    /** The firmware's RTC region (SMARTPOT_RTC_CAPACITY in smartpot_store_natives.c). */
    public static final int RTC_BYTES = 6144;

    /**
     * A fleet pot's RTC region: enough for a hundred queued readings across a reboot, small enough for thousands of
     * pots in one JVM.
     */
    public static final int FLEET_RTC_BYTES = 512;

    private final RamRetainedMemory rtc;
    private final SettingsStore mark;
    private final Path rtcFile;

    private PotMemory(SettingsStore mark, Path rtcFile) {
        this(mark, rtcFile, RTC_BYTES);
    }

    private PotMemory(SettingsStore mark, Path rtcFile, int rtcBytes) {
        this.rtc = new RamRetainedMemory(rtcBytes);
        this.mark = mark;
        this.rtcFile = rtcFile;
    }

    /** A fleet pot's memory: {@code <stem>.rtc} and {@code <stem>.seq} between runs, or in RAM when stem is null. */
    public static PotMemory fleetPot(Path stem) {
        if (stem == null) {
            return new PotMemory(new MemorySettingsStore(), null, FLEET_RTC_BYTES);
        }
        return new PotMemory(new FileSettingsStore(stem.resolveSibling(stem.getFileName() + ".seq")),
                stem.resolveSibling(stem.getFileName() + ".rtc"), FLEET_RTC_BYTES);
    }

    /** Memory of one run only (tests, fleets). */
    public static PotMemory inRam() {
        return new PotMemory(new MemorySettingsStore(), null);
    }

    /** {@code simulator.properties} keeps {@code simulator.properties.rtc} and {@code simulator.properties.seq}. */
    public static PotMemory besideConfig(Path configFile) {
        return new PotMemory(new FileSettingsStore(configFile.resolveSibling(configFile.getFileName() + ".seq")),
                configFile.resolveSibling(configFile.getFileName() + ".rtc"));
    }

    public RamRetainedMemory rtc() {
        return rtc;
    }

    public SettingsStore mark() {
        return mark;
    }

    /** The file the RTC contents wait in between runs; null for memory of one run. */
    public Path rtcFile() {
        return rtcFile;
    }

    /** Before the first boot: what the last run left, if anything. The file is used once. */
    public void loadFromLastRun() throws IOException {
        if (rtcFile == null || !Files.exists(rtcFile)) {
            return;
        }
        byte[] kept = Files.readAllBytes(rtcFile);
        if (kept.length <= RTC_BYTES) {
            rtc.store(kept, kept.length);
        }
        Files.delete(rtcFile);
    }

    /** After a clean stop with readings still queued: keeps the RTC contents for the next run. */
    public void keepForNextRun() throws IOException {
        byte[] contents = rtc.snapshot();
        if (rtcFile == null || contents == null) {
            return;
        }
        Path temp = Files.createTempFile(rtcFile.toAbsolutePath().getParent(), rtcFile.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, contents);
            Files.move(temp, rtcFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@link #keepForNextRun()}, saying on {@code log} how many readings were kept, or why they could not be. */
    public void keepForNextRun(int queued, Log log) {
        if (rtcFile == null) {
            return;
        }
        try {
            keepForNextRun();
            if (queued > 0) {
                log.info("kept " + queued + " queued readings in " + rtcFile + " for the next run of this pot");
            }
        } catch (IOException e) {
            log.warn("queued readings could not be kept for the next run (" + e.getMessage() + ")");
        }
    }

    /** A simulated power cut: RTC memory holds noise; the flash mark stays. */
    public void powerCut() {
        rtc.powerCut();
    }
}
