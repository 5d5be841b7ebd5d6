package dev.smartpot.device;

/** The MQTT client id: lowercase hex of the chip's unique id, as the tutorial's hexlify(unique_id()). */
public final class ClientIds {

    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private ClientIds() {
    }

    public static String fromChipId(byte[] uniqueId) {
        if (uniqueId == null || uniqueId.length == 0) {
            throw new IllegalArgumentException("the chip id is empty: the board must report its unique id (e.g. the 6-byte MAC)");
        }
        // MQTT 3.1.1 servers must accept 1-23 characters; 11 bytes of id is 22 hex digits.
        if (uniqueId.length > 11) {
            throw new IllegalArgumentException("the chip id has " + uniqueId.length
                    + " bytes; at most 11 fit MQTT 3.1.1's 23-character client id");
        }
        char[] out = new char[uniqueId.length * 2];
        for (int i = 0; i < uniqueId.length; i++) {
            out[2 * i] = HEX[(uniqueId[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[uniqueId[i] & 0xf];
        }
        return new String(out);
    }
}
