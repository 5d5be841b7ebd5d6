package dev.smartpot.device.board;

import java.io.IOException;

/**
 * Where the board keeps the few settings that commands change (interval, calibration), as a small text,
 * so they outlive a reboot: a file beside the config in the simulator, flash on a board.
 */
public interface SettingsStore {

    /** The text last saved, or null if nothing has been saved yet. */
    String load() throws IOException;

    /** Replaces the saved text; after a crash either the old or the new text is there, never half of one. */
    void save(String text) throws IOException;

    /**
     * {@link #save(String)} for ASCII text in a reused buffer: the first {@code length} bytes of {@code text}. What the
     * core writes from its steady loop goes through this one, so it builds no String.
     */
    void save(byte[] text, int length) throws IOException;
}
