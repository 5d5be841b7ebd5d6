package dev.smartpot.device.board;

/** The last resort of the supervisor: restart the board. */
public interface Rebooter {

    /** Restarts the board (or, in the simulator, the device in place). May not return. */
    void reboot(String reason);
}
