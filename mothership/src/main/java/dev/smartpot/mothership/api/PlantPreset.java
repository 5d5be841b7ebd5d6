package dev.smartpot.mothership.api;

/** Thresholds for a kind of plant, shipped with the app. */
public record PlantPreset(String id, String name, double dryBelow, double wetAbove, int waterMl) {
}
