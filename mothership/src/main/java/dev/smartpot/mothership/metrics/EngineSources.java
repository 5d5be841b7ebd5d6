package dev.smartpot.mothership.metrics;

import java.util.List;
import java.util.Map;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.store.StoreException;

/** The metrics' sources from a running engine. */
public record EngineSources(MothershipEngine engine) implements MothershipMetrics.Sources {

    /** More open alerts than any house has; the count stays right up to here. */
    private static final int MAX_OPEN_ALERTS = 100_000;

    @Override
    public Health health() {
        return engine.health();
    }

    @Override
    public List<PlantState> potStates() {
        return engine.pots().stream().map(PotView::state).toList();
    }

    @Override
    public List<String> openAlertKinds() {
        return engine.alerts(false, MAX_OPEN_ALERTS).stream().filter(AlertView::open).map(AlertView::kind).toList();
    }

    @Override
    public Map<String, Long> notifications() {
        try {
            return engine.query(OutboxCounts::read);
        } catch (StoreException e) {
            // A store in trouble shows in smartpot_store_up; the scrape itself still answers.
            return Map.of();
        }
    }
}
