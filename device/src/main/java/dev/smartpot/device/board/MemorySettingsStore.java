package dev.smartpot.device.board;

/**
 * A settings store in RAM, for a board without persistent storage: settings survive a reconnect but not
 * a reboot. It is the default when a board names no store.
 */
public final class MemorySettingsStore implements SettingsStore {

    private String text;

    public synchronized String load() {
        return text;
    }

    public synchronized void save(String text) {
        this.text = text;
    }
}
