package dev.smartpot.mothership.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts go to a target, from its URL's query: {@code kinds=DRY,WET} (default: every kind),
 * {@code pots=kitchen,a4cf12b0c0de} (pot ids or rooms; default: every pot), {@code quiet=22:00-07:00} (held and
 * sent as one digest at the end) and {@code urgent=FAULT,OFFLINE} (sent even in the quiet hours).
 */
public record Routing(Set<String> kinds, Set<String> pots, QuietHours quiet, Set<String> urgent) {

    /** Every alert kind the mothership raises. */
    public static final List<String> KINDS = List.of("DRY", "WET", "STALE", "OFFLINE", "FAULT", "NO_EFFECT", "LOW_BATTERY",
            "WATERING_LOCKED_OUT", "POT_LIMITS");

    static final Set<String> PARAMS = Set.of("kinds", "pots", "quiet", "urgent");

    public static final Routing EVERYTHING = new Routing(Set.of(), Set.of(), null, Set.of());

    /** The routing parameters of a URL's query (the others are left to the scheme). */
    static Routing from(Map<String, String> query) {
        Set<String> kinds = kinds("kinds", query.get("kinds"));
        Set<String> urgent = kinds("urgent", query.get("urgent"));
        Set<String> pots = new LinkedHashSet<>();
        if (query.get("pots") != null) {
            for (String p : query.get("pots").split(",")) {
                if (!p.isBlank()) {
                    pots.add(p.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        QuietHours quiet = query.get("quiet") == null ? null : QuietHours.parse(query.get("quiet"));
        if (!urgent.isEmpty() && quiet == null) {
            throw new IllegalArgumentException("urgent=" + query.get("urgent") + " without quiet hours means nothing. Fix: add"
                    + " quiet=22:00-07:00 (urgent kinds are sent even then), or drop urgent=");
        }
        return new Routing(Set.copyOf(kinds), Set.copyOf(pots), quiet, Set.copyOf(urgent));
    }

    private static Set<String> kinds(String name, String list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null) {
            return out;
        }
        for (String k : list.split(",")) {
            String kind = k.strip().toUpperCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(name + "=" + list + ": \"" + k.strip() + "\" is not an alert kind. Fix: use"
                        + " a comma list of " + String.join(", ", KINDS));
            }
            out.add(kind);
        }
        return out;
    }

    /** Whether an alert of this kind about this pot (in this room, may be null) goes to the target. */
    public boolean wants(String kind, String potId, String room) {
        if (!kinds.isEmpty() && !kinds.contains(kind)) {
            return false;
        }
        return pots.isEmpty() || pots.contains(potId.toLowerCase(Locale.ROOT))
                || (room != null && pots.contains(room.toLowerCase(Locale.ROOT)));
    }

    /** When an alert raised now should be sent: now, or at the end of the quiet hours (then in a digest). */
    public Instant dueAt(String kind, Instant now, ZoneId zone) {
        if (quiet == null || urgent.contains(kind) || !quiet.contains(now, zone)) {
            return now;
        }
        return quiet.endAfter(now, zone);
    }

    /** The query part of the masked URL: the scheme's own parameters, then the routing ones. */
    String query(List<String> own, boolean tokenHidden) {
        List<String> all = new ArrayList<>(own);
        if (tokenHidden) {
            all.add("token=***");
        }
        if (!kinds.isEmpty()) {
            all.add("kinds=" + String.join(",", sorted(kinds)));
        }
        if (!pots.isEmpty()) {
            all.add("pots=" + String.join(",", sorted(pots)));
        }
        if (quiet != null) {
            all.add("quiet=" + quiet);
        }
        if (!urgent.isEmpty()) {
            all.add("urgent=" + String.join(",", sorted(urgent)));
        }
        return all.isEmpty() ? "" : "?" + String.join("&", all);
    }

    private static List<String> sorted(Set<String> s) {
        String[] a = s.toArray(new String[0]);
        Arrays.sort(a);
        return List.of(a);
    }
}
