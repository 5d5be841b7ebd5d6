package dev.smartpot.device.board;

/**
 * The runtime's own advice for a problem the core reports. The core's lines print on a board too, so they name
 * no desktop tool; a runtime that has tools (the simulator: scripts/broker, mosquitto_pub) adds how to use them.
 */
public interface FixHints {

    /** A retained message on a command topic was ignored; subject: the topic. */
    int RETAINED_COMMAND = 1;
    /** mqtt.password goes to a broker without TLS; subject: the broker address. */
    int PLAIN_PASSWORD = 2;
    /** The broker acknowledges readings but does not deliver them; subject: the readings topic. */
    int READINGS_NOT_DELIVERED = 3;
    /** The pot keeps losing its session right after connecting: another client probably has its id; subject: the client id. */
    int CLIENT_ID_TAKEN = 4;

    /** None: what a board prints. */
    FixHints NONE = new FixHints() {
        public String hint(int problem, String subject) {
            return null;
        }
    };

    /**
     * @return text appended to the core's line (starting with its own separator, e.g. {@code " (...)"}), or null
     */
    String hint(int problem, String subject);
}
