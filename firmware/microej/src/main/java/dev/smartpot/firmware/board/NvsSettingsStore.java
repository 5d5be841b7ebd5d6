package dev.smartpot.firmware.board;

import java.io.IOException;
import java.io.UnsupportedEncodingException;

import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.firmware.esp32.Esp32Natives;
import dev.smartpot.firmware.esp32.NvsNatives;

/**
 * A core {@link SettingsStore} in the ESP32's NVS flash under one key, through our SNI natives: {@link #settings()}
 * keeps the settings a command changed across a reboot, {@link #sequenceMark()} the core's sequence mark across a
 * power cut. The natives compare before writing, so saving an unchanged text costs no flash wear.
 */
public final class NvsSettingsStore implements SettingsStore {

    private static final String UTF8 = "UTF-8";

    private final int key;
    private final String what;

    private NvsSettingsStore(int key, String what) {
        this.key = key;
        this.what = what;
    }

    /** The settings commands changed (NVS key "settings"). */
    public static NvsSettingsStore settings() {
        return new NvsSettingsStore(NvsNatives.KEY_SETTINGS, "the settings");
    }

    /** The core's sequence mark (NVS key "seqmark"). */
    public static NvsSettingsStore sequenceMark() {
        return new NvsSettingsStore(NvsNatives.KEY_SEQUENCE_MARK, "the sequence mark");
    }

    public String load() throws IOException {
        int max = NvsNatives.maxLength();
        byte[] buffer = new byte[max];
        int length = NvsNatives.load(key, buffer, max);
        if (length == NvsNatives.NOTHING_SAVED) {
            return null;
        }
        if (length < 0) {
            throw new IOException("reading " + what + " from NVS failed (" + Esp32Natives.describeError(length) + ")");
        }
        return new String(buffer, 0, length, UTF8);
    }

    public void save(String text) throws IOException {
        byte[] bytes = utf8(text);
        save(bytes, bytes.length);
    }

    /** The bytes go to the native as they are: no copy, no String. */
    public void save(byte[] bytes, int length) throws IOException {
        int max = NvsNatives.maxLength();
        if (length > max) {
            throw new IOException(what + ": " + length + " bytes, NVS keeps at most " + max
                    + " (SMARTPOT_NVS_MAX in smartpot_store_natives.c)");
        }
        int result = NvsNatives.save(key, bytes, length);
        if (result < 0) {
            throw new IOException("saving " + what + " to NVS failed (" + Esp32Natives.describeError(result) + ")"
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
