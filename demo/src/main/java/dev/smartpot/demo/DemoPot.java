package dev.smartpot.demo;

import dev.smartpot.mothership.api.PotSettings;

/**
 * One pot of the demo: who it is, where it stands, its soil, and the settings the mothership gets for it.
 *
 * @param seed           the simulator's seed: a stable chip id (the pot's id) and its own sensor noise
 * @param moisture       soil moisture at start, percent
 * @param dryingPerHour  how fast the soil dries, percentage points per hour
 */
record DemoPot(String name, String room, String seed, int moisture, int dryingPerHour, PotSettings settings) {

    /**
     * The first three are a story: Basil dries fast, turns DRY within a minute and is watered by the automatic
     * rule (small amounts, a cooldown, a daily maximum); Fern is fine; Aloe is a succulent that needs little.
     * Further pots are ordinary house plants in more rooms.
     */
    static DemoPot number(int i) {
        return switch (i) {
            case 0 -> new DemoPot("Basil", "Kitchen", "demo-basil", 40, 300,
                    new PotSettings("Basil", "Kitchen", "herbs", 35, 85, 3, true, 60, 600, 2));
            case 1 -> new DemoPot("Fern", "Living room", "demo-fern", 66, 4,
                    new PotSettings("Fern", "Living room", "fern", 45, 90, 3, false, 150, 600, 60));
            case 2 -> new DemoPot("Aloe", "Office", "demo-aloe", 30, 1,
                    new PotSettings("Aloe", "Office", "succulent", 10, 60, 3, false, 80, 300, 240));
            default -> {
                String[] rooms = {"Bedroom", "Hall", "Balcony", "Bathroom", "Study"};
                String name = "Pot " + (i + 1);
                String room = rooms[(i - 3) % rooms.length];
                yield new DemoPot(name, room, "demo-pot-" + (i + 1), 45 + (i * 7) % 30, 2 + i % 5,
                        new PotSettings(name, room, "default", 25, 85, 3, false, 150, 600, 60));
            }
        };
    }

    /**
     * The pot's configuration file, as text: the simulator reads and checks it like any board's. The pot's own watering
     * limits agree with the settings the mothership gets for it, so the automatic rule's plan is one the pot allows.
     */
    String config(String brokerUrl, long intervalMillis) {
        return "device.name = " + name + "\n"
                + "wifi.ssid = DemoNet\n"
                + "wifi.password = demo-password\n"
                + "mqtt.broker = " + brokerUrl + "\n"
                + "publish.interval = " + intervalMillis + "ms\n"
                + "homeassistant.discovery = false\n"
                + "sim.seed = " + seed + "\n"
                + "sim.wifi.join.delay = 100ms\n"
                + "sim.soil.moisture = " + moisture + "\n"
                + "sim.soil.drying = " + dryingPerHour + "\n"
                + "water.cooldown = " + Math.max(1, settings.cooldownMinutes()) + "m\n"
                + "water.budget.day = " + Math.max(1, settings.dailyMaxMl()) + "\n"
                + "water.budget.hour = " + Math.min(20000, Math.max(settings.waterMl(), settings.dailyMaxMl())) + "\n";
    }
}
