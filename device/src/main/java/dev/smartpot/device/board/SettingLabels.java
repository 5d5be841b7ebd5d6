package dev.smartpot.device.board;

/**
 * Where the pot's settings come from, in the words of whoever runs it, for the lines that say which of two values
 * is used. A board has one configuration; the simulator names the flag, or the file and line, that gave a key.
 */
public interface SettingLabels {

    /** What a board says: its one configuration, and its settings store. */
    SettingLabels BOARD = new SettingLabels() {
        public String configOrigin(String key) {
            return "the board configuration";
        }

        public String savedIn() {
            return "the board's settings store";
        }
    };

    /** Where the configured value of {@code key} came from, e.g. "the board configuration". */
    String configOrigin(String key);

    /** Where settings changed by the mothership's commands are kept, e.g. "the board's settings store". */
    String savedIn();
}
