package dev.smartpot.firmware.board;

import java.io.IOException;
import java.io.UnsupportedEncodingException;

import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.firmware.esp32.Esp32Natives;
import dev.smartpot.firmware.esp32.NvsNatives;

/**
 * The core's settings store in the ESP32's NVS flash, through our SNI natives: the settings a command changed outlive
 * a reboot. The natives compare before writing, so saving unchanged settings costs no flash wear.
 */
public final class NvsSettingsStore implements SettingsStore {

    private static final String UTF8 = "UTF-8";

    public String load() throws IOException {
        int max = NvsNatives.settingsMax();
        byte[] buffer = new byte[max];
        int length = NvsNatives.settingsLoad(buffer, max);
        if (length == NvsNatives.NOTHING_SAVED) {
            return null;
        }
        if (length < 0) {
            throw new IOException("reading the settings from NVS failed (" + Esp32Natives.describeError(length) + ")");
        }
        return new String(buffer, 0, length, UTF8);
    }

    public void save(String text) throws IOException {
        byte[] bytes = utf8(text);
        save(bytes, bytes.length);
    }

    /** The bytes go to the native as they are: no copy, no String. */
    public void save(byte[] bytes, int length) throws IOException {
        int max = NvsNatives.settingsMax();
        if (length > max) {
            throw new IOException("the settings are " + length + " bytes, NVS keeps at most " + max
                    + " (SMARTPOT_SETTINGS_MAX in smartpot_store_natives.c)");
        }
        int result = NvsNatives.settingsSave(bytes, length);
        if (result < 0) {
            throw new IOException("saving the settings to NVS failed (" + Esp32Natives.describeError(result) + ")"
                    + (result == -0x1105 ? ": the NVS partition is full" : ""));
        }
    }

    private static byte[] utf8(String text) throws IOException {
        try {
            return text.getBytes(UTF8);
        } catch (UnsupportedEncodingException e) {
            throw new IOException("no UTF-8 on this VM: " + e.getMessage());
        }
    }
}
