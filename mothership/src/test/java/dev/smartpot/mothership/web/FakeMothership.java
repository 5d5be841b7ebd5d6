package dev.smartpot.mothership.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.api.PlantPreset;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.api.UnknownPotException;
import dev.smartpot.mothership.api.WateringView;

/**
 * An in-memory stand-in for the engine, for the web layer's tests: it records what the web layer asked
 * and answers like the contract says (unknown pot → UnknownPotException, bad settings → IAE).
 */
final class FakeMothership implements Mothership {

    final Map<String, PotView> pots = new LinkedHashMap<>();
    final Map<String, PotSettings> settings = new LinkedHashMap<>();
    final Map<String, List<ReadingView>> readings = new LinkedHashMap<>();
    final List<AlertView> alerts = new CopyOnWriteArrayList<>();
    final List<CommandView> commands = new CopyOnWriteArrayList<>();
    final List<WateringView> waterings = new CopyOnWriteArrayList<>();
    final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    final AtomicLong ids = new AtomicLong();
    volatile boolean autoWatering = true;
    volatile boolean healthy = true;
    /** How often readings() was asked (a CSV export's queries). */
    final java.util.concurrent.atomic.AtomicInteger readingQueries = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, readings() waits for it (an export held open). */
    volatile java.util.concurrent.CountDownLatch readingsGate;
    /** Null: commands never get a reply (the engine then says no-reply; here the future stays open). */
    volatile String replyFor = "ok";

    /** A pot with {@code count} readings one minute apart ending now, moisture falling from 60. */
    FakeMothership addPot(String id, String name, String room, PlantState state, int count) {
        Instant now = Instant.now();
        List<ReadingView> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant ts = now.minus(Duration.ofMinutes(count - 1 - i));
            double moisture = 60 - i * 0.1;
            rows.add(new ReadingView(id, 1, i, 2100 + i, Math.round(moisture * 10) / 10.0, null, ts, ts));
        }
        readings.put(id, rows);
        Double last = rows.isEmpty() ? null : rows.get(rows.size() - 1).moisture();
        pots.put(id, new PotView(id, name, room, "herbs", state, now.minusSeconds(300), "moisture " + last + "%", last,
                2100, null, rows.isEmpty() ? null : now.minusSeconds(3), "online", 5000, null, count, 0, null, null, null, 0, null,
                null, null, null, 30.0, 80.0));
        settings.put(id, new PotSettings(name, room, "herbs", 30, 80, 3, false, 100, 400, 60));
        return this;
    }

    void publish(Event e) {
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
    }

    private void known(String potId) {
        if (!pots.containsKey(potId)) {
            throw new UnknownPotException(potId);
        }
    }

    @Override
    public List<PotView> pots() {
        return new ArrayList<>(pots.values());
    }

    @Override
    public Optional<PotView> pot(String potId) {
        return Optional.ofNullable(pots.get(potId));
    }

    @Override
    public List<dev.smartpot.mothership.api.WakeView> wakes(String potId, Instant from, Instant to, int limit) {
        known(potId);
        return List.of();
    }

    @Override
    public List<dev.smartpot.mothership.api.ConnectView> connects(String potId, Instant from, Instant to, int limit) {
        known(potId);
        return List.of();
    }

    @Override
    public List<ReadingView> readings(String potId, Instant from, Instant to, int limit) {
        known(potId);
        readingQueries.incrementAndGet();
        java.util.concurrent.CountDownLatch gate = readingsGate;
        if (gate != null) {
            try {
                if (!gate.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the readings gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ReadingView> in = readings.get(potId).stream()
                .filter(r -> !r.ts().isBefore(from) && r.ts().isBefore(to)).toList();
        return in.size() <= limit ? in : in.subList(in.size() - limit, in.size());
    }

    @Override
    public void deletePot(String potId, String by) {
        known(potId);
        pots.remove(potId);
        readings.remove(potId);
    }

    @Override
    public Series series(String potId, Instant from, Instant to, int maxPoints) {
        List<ReadingView> in = readings(potId, from, to, Integer.MAX_VALUE);
        long[] time = new long[in.size()];
        double[] avg = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            time[i] = in.get(i).ts().getEpochSecond();
            avg[i] = in.get(i).moisture() == null ? Double.NaN : in.get(i).moisture();
        }
        return new Series(potId, "raw", time, avg, avg.clone(), avg.clone());
    }

    @Override
    public List<MessageView> messages(int limit) {
        return List.of(new MessageView(1, "to_mothership", "Test to mothership #3", false, null, Instant.now()),
                new MessageView(2, "to_mothership", "{bad", true, "not JSON: unexpected end", Instant.now()));
    }

    @Override
    public List<AlertView> alerts(boolean includeClosed, int limit) {
        return alerts.stream().filter(a -> includeClosed || a.open())
                .sorted(Comparator.comparing(AlertView::raisedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<AlertView> potAlerts(String potId, Instant from, Instant to, int limit) {
        known(potId);
        return alerts.stream().filter(a -> a.potId().equals(potId) && !a.raisedAt().isBefore(from) && a.raisedAt().isBefore(to))
                .sorted(Comparator.comparing(AlertView::raisedAt).reversed()).limit(limit).toList();
    }

    @Override
    public AlertView acknowledgeAlert(long alertId, String by) {
        for (int i = 0; i < alerts.size(); i++) {
            AlertView a = alerts.get(i);
            if (a.id() == alertId) {
                AlertView acked = new AlertView(a.id(), a.potId(), a.kind(), a.message(), a.raisedAt(), a.closedAt(), Instant.now(), by);
                alerts.set(i, acked);
                publish(new Event("alert", a.potId(), acked));
                return acked;
            }
        }
        throw new NoSuchElementException("no alert " + alertId);
    }

    @Override
    public CompletableFuture<CommandView> sendCommand(String potId, String commandText, String by) {
        known(potId);
        long id = ids.incrementAndGet();
        Instant now = Instant.now();
        if (replyFor == null) {
            commands.add(0, new CommandView(id, potId, commandText, by, now, "pending", null, null, null));
            return new CompletableFuture<>();
        }
        if (commandText.startsWith("water")) {
            String amount = commandText.substring("water".length()).trim();
            int ml = amount.isEmpty() ? 100 : Integer.parseInt(amount);
            waterings.add(0, new WateringView(id, potId, ml, "manual", by, now, "done", null, 40.0, null));
        }
        String reply = "{\"ok\":true,\"command\":\"" + commandText + "\",\"moisture\":42.5}";
        CommandView view = new CommandView(id, potId, commandText, by, now, "ok", reply, null, now);
        commands.add(0, view);
        publish(new Event("command", potId, view));
        return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletableFuture<CommandView> water(String potId, int ml, String by) {
        if (ml < 1 || ml > dev.smartpot.protocol.CommandParser.MAX_WATER_ML) {
            throw new IllegalArgumentException("water " + ml + " ml: expected 1 to "
                    + dev.smartpot.protocol.CommandParser.MAX_WATER_ML + " ml, the most a pot pours per command");
        }
        return sendCommand(potId, dev.smartpot.protocol.CommandParser.water(ml), by);
    }

    @Override
    public List<CommandView> commandLog(String potId, int limit) {
        return commands.stream().filter(c -> potId == null || c.potId().equals(potId)).limit(limit).toList();
    }

    @Override
    public List<WateringView> wateringLog(String potId, int limit) {
        return waterings.stream().filter(w -> potId == null || w.potId().equals(potId)).limit(limit).toList();
    }

    @Override
    public PotSettings settings(String potId) {
        known(potId);
        return settings.get(potId);
    }

    @Override
    public PotSettings updateSettings(String potId, PotSettings s) {
        known(potId);
        if (s.dryBelow() >= s.wetAbove()) {
            throw new IllegalArgumentException("dry_below " + s.dryBelow() + " is not below wet_above " + s.wetAbove()
                    + "; fix: pick dry_below lower than wet_above");
        }
        settings.put(potId, s);
        return s;
    }

    @Override
    public List<PlantPreset> presets() {
        return List.of(new PlantPreset("herbs", "Herbs (basil, parsley)", 30, 80, 100),
                new PlantPreset("succulent", "Succulents and cacti", 10, 50, 50));
    }

    @Override
    public void setAutoWateringEnabled(boolean enabled, String by) {
        autoWatering = enabled;
    }

    @Override
    public boolean autoWateringEnabled() {
        return autoWatering;
    }

    @Override
    public Health health() {
        return new Health(healthy, healthy, "tcp://127.0.0.1:1883", true, null, "sqlite", 10, 0, 1, 0, Instant.now());
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
    }
}
