package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * One pot as the pot list shows it.
 *
 * @param moisture   the last good moisture in percent, null if none or the last reading was a fault
 * @param stateSince when the current state began
 * @param reason     why the state is what it is, in words ("moisture 18.2% below 25%", "no reading for 16 s")
 * @param status     the pot's retained status in a word (online, asleep, offline), null if never seen
 * @param intervalMs the reading interval the mothership expects (from the pot's cadence), 0 if unknown
 * @param asleepUntil when a pot asleep on purpose (deep sleep) said it wakes; null when it is not asleep, or its
 *                    wake and grace passed with nothing heard (then it is STALE)
 * @param batteryMv  the battery voltage of its newest reading that carried one, in mV; null if it never sent one
 * @param batteryAt  when that voltage was measured
 * @param conflicts  readings refused since start because another reading held their (pot, boot, seq)
 * @param hasPump    whether the pot said it has a pump (its about message); null until it said
 * @param waterMaxMl the most one watering may pour there, as the pot said; null until it said
 * @param waterCooldownS the least time between waterings there, seconds, as the pot said; null until it said
 * @param board      the board it runs on, as the pot said (its about); null for a simulated pot or until it said
 * @param dryBelow   the plant's band as set: DRY below this moisture, percent (null only in views made without it)
 * @param wetAbove   WET above this moisture, percent
 */
public record PotView(String id, String name, String room, String preset, PlantState state, Instant stateSince,
                      String reason, Double moisture, Integer raw, String fault, Instant lastSeen, String status,
                      long intervalMs, Instant lastWatered, long readings, long dropped, Instant asleepUntil,
                      Integer batteryMv, Instant batteryAt, long conflicts, Boolean hasPump, Long waterMaxMl,
                      Long waterCooldownS, String board, Double dryBelow, Double wetAbove) {

    /** A pot whose view carries no board name and no dry/wet band. */
    public PotView(String id, String name, String room, String preset, PlantState state, Instant stateSince,
                   String reason, Double moisture, Integer raw, String fault, Instant lastSeen, String status,
                   long intervalMs, Instant lastWatered, long readings, long dropped, Instant asleepUntil,
                   Integer batteryMv, Instant batteryAt, long conflicts, Boolean hasPump, Long waterMaxMl,
                   Long waterCooldownS) {
        this(id, name, room, preset, state, stateSince, reason, moisture, raw, fault, lastSeen, status, intervalMs,
                lastWatered, readings, dropped, asleepUntil, batteryMv, batteryAt, conflicts, hasPump, waterMaxMl,
                waterCooldownS, null, null, null);
    }

    public PotView(String id, String name, String room, String preset, PlantState state, Instant stateSince,
                   String reason, Double moisture, Integer raw, String fault, Instant lastSeen, String status,
                   long intervalMs, Instant lastWatered, long readings, long dropped, Instant asleepUntil,
                   Integer batteryMv, Instant batteryAt) {
        this(id, name, room, preset, state, stateSince, reason, moisture, raw, fault, lastSeen, status, intervalMs,
                lastWatered, readings, dropped, asleepUntil, batteryMv, batteryAt, 0, null, null, null);
    }

    /** A pot that neither sleeps nor reports a battery. */
    public PotView(String id, String name, String room, String preset, PlantState state, Instant stateSince,
                   String reason, Double moisture, Integer raw, String fault, Instant lastSeen, String status,
                   long intervalMs, Instant lastWatered, long readings, long dropped) {
        this(id, name, room, preset, state, stateSince, reason, moisture, raw, fault, lastSeen, status, intervalMs,
                lastWatered, readings, dropped, null, null, null);
    }
}
