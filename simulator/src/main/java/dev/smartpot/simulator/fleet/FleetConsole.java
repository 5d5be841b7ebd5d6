package dev.smartpot.simulator.fleet;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.smartpot.device.board.Log;
import dev.smartpot.simulator.board.ConsoleLog;

/**
 * Where a fleet's pots write their console lines. Ten thousand pots each logging every reading would bury
 * the output, so by default a pot's INFO lines are not printed (the fleet prints summaries instead) and
 * only the first few warnings of each summary period are, the rest counted. {@code --pot-logs} prints
 * every line, as a single pot does.
 */
public final class FleetConsole {

    /** Warnings printed per summary period before the rest are only counted. */
    static final int WARNINGS_SHOWN_PER_PERIOD = 5;

    private final Consumer<String> out;
    private final boolean everyLine;
    private final AtomicLong warnings = new AtomicLong();
    private final AtomicInteger shownThisPeriod = new AtomicInteger();
    private final AtomicLong hiddenThisPeriod = new AtomicLong();
    private volatile boolean screenOwned;
    private volatile String lastWarning;

    public FleetConsole(Consumer<String> out, boolean everyLine) {
        this.out = out;
        this.everyLine = everyLine;
    }

    /** The console of one pot, its lines tagged with its client id. */
    public Log logFor(String clientId) {
        ConsoleLog line = new ConsoleLog(clientId, out);
        return new Log() {
            @Override
            public void info(CharSequence message) {
                if (everyLine) {
                    line.info(message);
                }
            }

            @Override
            public void warn(CharSequence message) {
                lastWarning = clientId + ": " + message;
                if (show()) {
                    line.warn(message);
                }
            }

            @Override
            public void error(CharSequence message) {
                lastWarning = clientId + ": " + message;
                if (show()) {
                    line.error(message);
                }
            }
        };
    }

    private boolean show() {
        warnings.incrementAndGet();
        if (screenOwned) {
            // A line printed between two redraws would be torn by the next one: the view shows the last instead.
            return false;
        }
        if (everyLine || shownThisPeriod.incrementAndGet() <= WARNINGS_SHOWN_PER_PERIOD) {
            return true;
        }
        hiddenThisPeriod.incrementAndGet();
        return false;
    }

    /** While a live view redraws the terminal, warnings are counted and kept, not printed. */
    void ownScreen(boolean owned) {
        screenOwned = owned;
    }

    /** The latest warning or error, tagged with its pot; null if none yet. */
    String lastWarning() {
        return lastWarning;
    }

    /** Warnings and errors since the start. */
    public long warnings() {
        return warnings.get();
    }

    /** Starts a new summary period; returns how many warnings the last one did not print. */
    long endPeriod() {
        shownThisPeriod.set(0);
        return hiddenThisPeriod.getAndSet(0);
    }

    void print(String line) {
        out.accept(line);
    }
}
