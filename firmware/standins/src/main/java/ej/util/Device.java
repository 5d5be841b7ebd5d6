package ej.util;

/**
 * Stand-in for the Device library's {@code ej.util.Device} ({@code ej.api:device}; the ESP32 VEE Ports provide DEVICE
 * 1.1 through device-pack 1.1.1). {@code getId()} and {@code getArchitecture()}: MicroEJ docs,
 * VEEPortingGuide/device.rst (links to {@code ej.util.Device.getId()} and {@code getArchitecture()}). On the ESP32
 * VEE Ports {@code getId()} is the 6-byte base MAC: their {@code core/src/LLDEVICE.c} fills it with
 * {@code esp_efuse_mac_get_default}.
 */
public final class Device {

    private Device() {
    }

    public static byte[] getId() {
        return new byte[] {0x24, 0x0a, (byte) 0xc4, 0x00, 0x00, 0x01};
    }

    public static String getArchitecture() {
        return "stand-in";
    }
}
