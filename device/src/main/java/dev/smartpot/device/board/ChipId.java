package dev.smartpot.device.board;

/** The chip's factory-unique id (the ESP32's base MAC address, 6 bytes). */
public interface ChipId {

    byte[] uniqueId();
}
