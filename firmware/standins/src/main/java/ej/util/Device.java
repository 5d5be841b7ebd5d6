package ej.util;

/**
 * Stand-in for the Device library's {@code ej.util.Device} ({@code ej.api:device}). On the ESP32 VEE Ports
 * {@code getId()} is the 6-byte base MAC (field notes, "MicroEJ on ESP32").
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
