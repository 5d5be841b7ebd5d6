package dev.smartpot.firmware.board;

import dev.smartpot.device.board.ChipId;

/** The chip id from MicroEJ's Device library: on the ESP32 VEE Ports, the 6-byte base MAC address. */
public final class EjDeviceChipId implements ChipId {

    public byte[] uniqueId() {
        return ej.util.Device.getId();
    }
}
