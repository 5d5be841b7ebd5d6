package dev.smartpot.mothership.engine;

import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.plant.Presets;
import dev.smartpot.protocol.CommandParser;

/** Validates a pot's settings; each refusal names the field, the value and what is expected. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static PotSettings valid(PotSettings s, Presets presets) {
        if (s == null) {
            throw new IllegalArgumentException("no settings given; expected name, room, preset, dryBelow, wetAbove, ...");
        }
        range("dryBelow", s.dryBelow(), 0, 100);
        range("wetAbove", s.wetAbove(), 0, 100);
        range("hysteresis", s.hysteresis(), 0, 20);
        if (s.dryBelow() + s.hysteresis() >= s.wetAbove() - s.hysteresis()) {
            throw new IllegalArgumentException("dryBelow " + s.dryBelow() + " and wetAbove " + s.wetAbove()
                    + " are too close for hysteresis " + s.hysteresis() + "; expected dryBelow + hysteresis < wetAbove - hysteresis");
        }
        if (s.waterMl() < 1 || s.waterMl() > CommandParser.MAX_WATER_ML) {
            throw new IllegalArgumentException("waterMl " + s.waterMl() + " is out of range; expected 1 to "
                    + CommandParser.MAX_WATER_ML + " ml, the most a pot pours per command (a pot refuses more)");
        }
        range("dailyMaxMl", s.dailyMaxMl(), 0, 50_000);
        range("cooldownMinutes", s.cooldownMinutes(), 0, 7 * 24 * 60);
        if (s.preset() != null && !s.preset().isEmpty() && presets.find(s.preset()) == null) {
            throw new IllegalArgumentException("unknown preset \"" + s.preset() + "\"; expected one of GET /api/presets");
        }
        if (s.name() != null && s.name().length() > 64 || s.room() != null && s.room().length() > 64) {
            throw new IllegalArgumentException("name and room may have at most 64 characters");
        }
        return new PotSettings(s.name() == null ? "" : s.name().trim(), s.room() == null ? "" : s.room().trim(),
                s.preset(), s.dryBelow(), s.wetAbove(), s.hysteresis(), s.autoWater(), s.waterMl(), s.dailyMaxMl(),
                s.cooldownMinutes());
    }

    private static void range(String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(field + " " + v + " is out of range; expected " + min + " to " + max);
        }
    }
}
