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

    /** Allocates (a RAM stand-in for flash keeps a String); a board's store writes the bytes as they are. */
    public synchronized void save(byte[] ascii, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (ascii[i] & 0xff);
        }
        this.text = new String(chars);
    }
}
