package dev.smartpot.device.board;

/** Where the device's console lines go (UART on the board, standard output on the desktop). */
public interface Log {

    void info(String message);

    void warn(String message);

    void error(String message);
}
