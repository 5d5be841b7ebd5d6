package dev.smartpot.mothership.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.plant.Presets;

class PotBookTest {

    private final Presets presets = new Presets();
    private final PotBook book = new PotBook(presets::defaults);

    private List<String> order() {
        return book.views().stream().map(PotView::id).toList();
    }

    @Test
    void listedByRoomThenNameAndReorderedWhenRenamedOrAdded() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        book.getOrAdd("c", t);
        book.getOrAdd("a", t);
        assertEquals(List.of("a", "c"), order());
        book.getOrAdd("b", t);
        assertEquals(List.of("a", "b", "c"), order(), "a new pot takes its place");
        LivePot c = book.get("c");
        PotSettings s = c.settings();
        c.settings(new PotSettings("Aloe", "", s.preset(), s.dryBelow(), s.wetAbove(), s.hysteresis(), false, s.waterMl(),
                s.dailyMaxMl(), s.cooldownMinutes()));
        book.reorder();
        assertEquals(List.of("c", "a", "b"), order(), "\"Aloe\" sorts before \"a\" (upper case first)");
        LivePot a = book.get("a");
        a.settings(new PotSettings("a", "Kitchen", s.preset(), s.dryBelow(), s.wetAbove(), s.hysteresis(), false,
                s.waterMl(), s.dailyMaxMl(), s.cooldownMinutes()));
        book.reorder();
        assertEquals(List.of("c", "b", "a"), order(), "rooms first: no room, then Kitchen");
    }
}
