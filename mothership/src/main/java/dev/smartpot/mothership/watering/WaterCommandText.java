package dev.smartpot.mothership.watering;

import java.util.Locale;

/**
 * Recognises a watering in a command text as the pot does: the first word (words are split at spaces and
 * control characters, case ignored) is {@code water}. Every such text takes the Pi's interlocks; an amount the
 * Pi cannot read is refused rather than passed on as a plain command (where it would step around them).
 */
public final class WaterCommandText {

    public static final int MAX_ML = 5000;

    private WaterCommandText() {
    }

    /**
     * @return the millilitres to pour ({@code defaultMl} for a bare {@code water}), or -1 when the first word is not
     * {@code water}
     * @throws IllegalArgumentException for a watering whose amount cannot be read, naming the fix
     */
    public static int millilitres(String text, int defaultMl) {
        String[] words = words(text);
        if (words.length == 0 || !words[0].toLowerCase(Locale.ROOT).equals("water")) {
            return -1;
        }
        String expected = "; expected \"water\" for the pot's usual amount or \"water ML\" with ML a whole number from 1 to "
                + MAX_ML + " (e.g. water 150)";
        if (words.length > 2) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is a watering with more than one amount" + expected);
        }
        if (words.length == 1) {
            return defaultMl;
        }
        String amount = words[1];
        if (!amount.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("\"" + amount + "\" is not an amount of water in millilitres" + expected);
        }
        int ml = Integer.parseInt(amount);
        if (ml < 1 || ml > MAX_ML) {
            throw new IllegalArgumentException("water " + ml + ": out of range" + expected);
        }
        return ml;
    }

    /** The pot's split: runs of characters above the space. */
    private static String[] words(String text) {
        java.util.List<String> words = new java.util.ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < n && text.charAt(i) > ' ') {
                i++;
            }
            if (i > start) {
                words.add(text.substring(start, i));
            }
        }
        return words.toArray(new String[0]);
    }
}
