package dev.smartpot.device.fakes;

import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;

/** A PotNode on fakes and a manual clock, with helpers to let time pass. */
public final class TestPot {

    public static final byte[] CHIP = {(byte) 0xa4, (byte) 0xcf, 0x12, (byte) 0xb0, (byte) 0xc0, (byte) 0xde};
    public static final String ID = "a4cf12b0c0de";

    public final ManualClock clock = new ManualClock();
    public final FakeWifi wifi = new FakeWifi();
    public final FakeTransport mqtt = new FakeTransport();
    public final ListLog log = new ListLog();
    public final List<String> reboots = new ArrayList<>();
    /** Lines typed at the pot's console and not yet taken by the loop. */
    public final java.util.ArrayDeque<byte[]> typed = new java.util.ArrayDeque<>();
    public int raw = 2300;
    public boolean sensorBroken;
    /** The battery divider's ADC counts (12-bit), read only with battery.adc.pin: 1904 is 2882 mV at the defaults. */
    public int batteryRaw = 1904;
    public boolean batteryBroken;
    /** Millilitres poured by each {@code water} command, when the pot is built with a pump. */
    public final List<Integer> watered = new ArrayList<>();
    /** The longest run the core allowed the pump, per watering. */
    public final List<Long> pumpMaxRuns = new ArrayList<>();
    public final SettingsStore settings;
    public final DeviceConfig config;
    public final PotNode node;

    public TestPot(String properties) {
        this(properties, new MemorySettingsStore(), false);
    }

    /** A pot whose saved settings live in {@code settings} (share it to "reboot"), with or without a pump. */
    public TestPot(String properties, SettingsStore settings, boolean withPump) {
        this(properties, settings, withPump, null);
    }

    /** A pot whose state outlives a reset in {@code retained} (share it with the next TestPot to "reboot"). */
    public TestPot(String properties, SettingsStore settings, boolean withPump, RetainedMemory retained) {
        this(properties, settings, withPump, retained, null);
    }

    /** ... and a flash mark in {@code markStore} that bounds what a power cut loses. */
    public TestPot(String properties, SettingsStore settings, boolean withPump, RetainedMemory retained, SettingsStore markStore) {
        this(properties, settings, withPump, retained, markStore, null);
    }

    /** ... and a deep sleep ({@code power.mode = deep-sleep}) that records how long each wake asked to sleep. */
    public TestPot(String properties, SettingsStore settings, boolean withPump, RetainedMemory retained, SettingsStore markStore,
            dev.smartpot.device.board.DeepSleep deepSleep) {
        this(properties, settings, withPump, retained, markStore, deepSleep, null);
    }

    /** ... and what the board measured of its boot (null: none). */
    public TestPot(String properties, SettingsStore settings, boolean withPump, RetainedMemory retained, SettingsStore markStore,
            dev.smartpot.device.board.DeepSleep deepSleep, dev.smartpot.device.board.BootReport bootReport) {
        this.settings = settings;
        String base = "wifi.ssid = Net\nwifi.password = password1\nmqtt.broker = 10.0.0.1\n";
        ConfigReader reader = new ConfigReader(ConfigSource.parse(base + properties, "test.properties"));
        config = DeviceConfig.read(reader);
        try {
            reader.finish();
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Board board = Board.builder()
                .wifi(wifi)
                .soilSensor(() -> {
                    if (sensorBroken) {
                        throw new java.io.IOException("ADC timeout");
                    }
                    return raw;
                })
                .chipId(() -> CHIP.clone())
                .clock(clock)
                .sleeper(clock)
                .log(log)
                .rebooter(reboots::add)
                .settingsStore(settings)
                .pump(withPump ? (ml, maxRun) -> {
                    watered.add(ml);
                    pumpMaxRuns.add(maxRun);
                } : null)
                .retainedMemory(retained)
                .markStore(markStore)
                .deepSleep(deepSleep)
                .bootReport(bootReport)
                .console(typed::poll)
                .batteryInput(() -> {
                    if (batteryBroken) {
                        throw new java.io.IOException("ADC timeout");
                    }
                    return batteryRaw;
                })
                .build();
        node = new PotNode(config, board, mqtt);
    }

    /**
     * Takes readings beside the loop, as the always-on runtimes' readings thread does: at their own time even while a
     * step of the loop blocks (a fake that moves the clock inside it).
     */
    public TestPot readingsBesideTheLoop() {
        mqtt.blockingClock = clock;
        wifi.blockingClock = clock;
        clock.alarm(new ManualClock.Alarm() {
            @Override
            public long nextAt() {
                return node.nextReadingAt();
            }

            @Override
            public void ring(long now) {
                node.takeReadingIfDue(now);
            }
        });
        return this;
    }

    /** Runs the device loop for {@code millis} of manual time, sleeping exactly as long as it asks. */
    public void runFor(long millis) {
        long end = clock.uptimeMillis() + millis;
        int ticksWithoutTime = 0;
        int rebootsBefore = reboots.size();
        // A board that restarted runs nothing more of this boot (the core, which expects to be gone, would tick "due
        // now" for ever); the next boot is a new TestPot on the same retained memory.
        while (clock.uptimeMillis() < end && reboots.size() == rebootsBefore) {
            long wait = node.tick();
            long left = end - clock.uptimeMillis();
            if (left <= 0) {
                break;
            }
            // "Due now" (e.g. after a connect attempt) ticks again at the same time, a bounded number of times.
            if (wait == 0 && ++ticksWithoutTime < 1000) {
                continue;
            }
            ticksWithoutTime = 0;
            clock.advance(Math.max(1, Math.min(wait, left)));
        }
    }

    /** Command replies, oldest first. */
    public List<String> replies() {
        List<String> out = new ArrayList<>();
        for (FakeTransport.Sent s : mqtt.sentTo("to_mothership/" + ID + "/reply")) {
            out.add(s.payload());
        }
        return out;
    }

    /** Delivers a command on the broadcast topic and lets the loop handle it. */
    public String command(String text) {
        return commandOn(config.subscribeTopic, text);
    }

    /** Delivers a command on {@code topic}; returns the reply it produced, or null for none. */
    public String commandOn(String topic, String text) {
        int before = replies().size();
        mqtt.deliver(topic, text);
        runFor(1);
        List<String> after = replies();
        return after.size() > before ? after.get(after.size() - 1) : null;
    }

    /** Types {@code line} at the pot's console and lets the loop run it; returns the reply it logged, or null. */
    public String type(String line) {
        int before = log.lines.size();
        typed.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        runFor(1);
        List<String> lines = log.lines;
        for (int i = lines.size() - 1; i >= before; i--) {
            int at = lines.get(i).indexOf("console reply: ");
            if (at >= 0) {
                return lines.get(i).substring(at + "console reply: ".length());
            }
        }
        return null;
    }

    public List<String> readings() {
        List<String> out = new ArrayList<>();
        for (FakeTransport.Sent s : mqtt.sentTo(config.publishTopic)) {
            out.add(s.payload());
        }
        return out;
    }

    /** The "seq" numbers of everything published to the publish topic, in order. */
    public List<Long> publishedSeqs() {
        return field("seq");
    }

    /** A whole-number field of every reading published, in order (absent: -1). */
    public List<Long> field(String name) {
        List<Long> seqs = new ArrayList<>();
        for (String p : readings()) {
            int key = p.indexOf("\"" + name + "\":");
            if (key < 0) {
                seqs.add(-1L);
                continue;
            }
            int at = key + name.length() + 3;
            int end = at < p.length() && p.charAt(at) == '-' ? at + 1 : at;
            while (end < p.length() && Character.isDigit(p.charAt(end))) {
                end++;
            }
            seqs.add(Long.parseLong(p.substring(at, end)));
        }
        return seqs;
    }
}
