package dev.smartpot.device.config;

/** The "did you mean" for an unknown key: the known key a typo most likely meant. */
final class KeySuggestion {

    private KeySuggestion() {
    }

    /** The known key closest to {@code key} in edit distance, or null when none is close enough to be a typo. */
    static String closest(String key, Object[] candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < candidates.length; i++) {
            String candidate = (String) candidates[i];
            int d = editDistance(key.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                bestDistance = d;
                best = candidate;
            }
        }
        // A suggestion further than a third of the key away is noise.
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
