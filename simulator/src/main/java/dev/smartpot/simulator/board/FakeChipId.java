package dev.smartpot.simulator.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.smartpot.device.board.ChipId;

/**
 * A stable fake 6-byte MAC: given outright, or derived from a seed so the same seed gives the same
 * client id on every run. Derived ids are locally administered (0x02 first byte), as no real chip has them.
 */
public final class FakeChipId implements ChipId {

    private final byte[] id;

    private FakeChipId(byte[] id) {
        this.id = id;
    }

    public static FakeChipId of(byte[] id) {
        return new FakeChipId(id.clone());
    }

    public static FakeChipId fromSeed(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            byte[] mac = new byte[6];
            mac[0] = 0x02;
            System.arraycopy(hash, 0, mac, 1, 5);
            return new FakeChipId(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Parses 12 hex digits, with or without ':' or '-' between bytes; null if it is not a MAC.
     */
    public static byte[] parseMac(String text) {
        String hex = text.replace(":", "").replace("-", "");
        if (hex.length() != 12) {
            return null;
        }
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            mac[i] = (byte) (hi << 4 | lo);
        }
        return mac;
    }

    @Override
    public byte[] uniqueId() {
        return id.clone();
    }
}
