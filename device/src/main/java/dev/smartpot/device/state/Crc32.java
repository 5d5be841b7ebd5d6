package dev.smartpot.device.state;

/** CRC-32 (IEEE 802.3, the zlib one), table-driven; tells a kept state from noise or a half-finished store. */
final class Crc32 {

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32() {
    }

    static int of(byte[] data, int offset, int length) {
        int c = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }
}
