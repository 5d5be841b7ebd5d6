package dev.smartpot.mothership.plant;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.PlantPreset;
import dev.smartpot.mothership.api.PotSettings;

/** Thresholds per kind of plant, shipped in the jar ({@code plant/presets.json}): no internet needed. */
public final class Presets {

    public static final String DEFAULT = "default";
    /** Moisture must come this far back inside a threshold before DRY or WET ends. */
    public static final double HYSTERESIS = 3;
    public static final int DAILY_MAX_ML = 600;
    public static final int COOLDOWN_MINUTES = 60;

    private final List<PlantPreset> presets;

    public Presets() {
        try (InputStream in = Presets.class.getResourceAsStream("/dev/smartpot/mothership/plant/presets.json")) {
            presets = List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<PlantPreset>>() { }));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the plant presets in the jar cannot be read: " + e.getMessage(), e);
        }
    }

    public List<PlantPreset> all() {
        return presets;
    }

    public PlantPreset find(String id) {
        for (PlantPreset p : presets) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /** What a pot starts with before a person sets anything: the default preset, no automatic watering. */
    public PotSettings defaults(String potId) {
        PlantPreset p = find(DEFAULT);
        return new PotSettings(potId, "", p.id(), p.dryBelow(), p.wetAbove(), HYSTERESIS, false, p.waterMl(),
                DAILY_MAX_ML, COOLDOWN_MINUTES);
    }
}
