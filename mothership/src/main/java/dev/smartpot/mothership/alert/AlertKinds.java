package dev.smartpot.mothership.alert;

import java.util.Set;

import dev.smartpot.mothership.api.PlantState;

/** The kinds of alert, and which plant states deserve one. */
public final class AlertKinds {

    public static final String NO_EFFECT = "NO_EFFECT";
    public static final String WATERING_LOCKED_OUT = "WATERING_LOCKED_OUT";
    /** The pot's own watering limits are stricter than its settings on the Pi: the plan cannot be kept. */
    public static final String POT_LIMITS = "POT_LIMITS";
    /** See {@link LowBattery}. */
    public static final String LOW_BATTERY = "LOW_BATTERY";

    /** States a person should hear about; OK and UNKNOWN are not alerts. */
    static final Set<PlantState> STATE_ALERTS = Set.of(PlantState.DRY, PlantState.WET, PlantState.STALE,
            PlantState.OFFLINE, PlantState.FAULT);

    private AlertKinds() {
    }

    static boolean worthAlert(PlantState s) {
        return s != null && STATE_ALERTS.contains(s);
    }
}
