package dev.smartpot.mothership.engine;

import java.sql.SQLException;

import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.notify.NotifyOptions;
import dev.smartpot.mothership.plant.Presets;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * For the benchmarks only (same package as the engine, in the bench module): the engine's parts wired exactly as
 * {@link MothershipEngine#start()} wires them, with the store writer in reach, so a bench can hand the writer decoded
 * messages without a broker and measure the writer thread's cost with its real listener chain (the in-memory pots,
 * the evaluator, alerts, events, the acknowledgement runs).
 */
public final class BenchEngineParts implements AutoCloseable {

    private final EngineParts parts;

    private BenchEngineParts(EngineParts parts) {
        this.parts = parts;
    }

    /** Opens the store, loads the pots and starts the writer, the timers and the broker link, as the engine does. */
    public static BenchEngineParts start(EngineOptions options) throws SQLException {
        Presets presets = new Presets();
        EngineParts parts = new EngineParts(options, NotifyOptions.NONE, presets, new PotBook(presets::defaults),
                new EventBus(), new LowBattery(options.lowBatteryMv()));
        parts.start();
        return new BenchEngineParts(parts);
    }

    public StoreWriter writer() {
        return parts.writer;
    }

    @Override
    public void close() {
        parts.close();
    }
}
