package dev.smartpot.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.board.FileSettingsStore;

/** {@code --fresh} names the settings it sets aside as a user knows them, not the notes kept beside them. */
class SavedSettingsNoticeTest {

    @Test
    void freshListsTheSavedSettingsOnlyAndMovesTheFileAside(@TempDir Path dir) throws Exception {
        FileSettingsStore store = FileSettingsStore.besideConfig(dir.resolve("pot.properties"));
        store.save("publish.interval = 2s\npublish.interval.config = 5s\npublish.interval.by = console\n"
                + "sensor.raw.dry = 3000\nsensor.raw.dry.config = 2800\nsensor.raw.dry.by = console\n");
        List<String> lines = SavedSettingsNotice.setAside(store, null);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("(publish.interval = 2s, sensor.raw.dry = 3000); moved them to "), lines.get(0));
        assertFalse(Files.exists(store.file()), "set aside");
    }
}
