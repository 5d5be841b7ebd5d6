package dev.smartpot.mothership.web;

import io.javalin.http.Context;

/** Small numeric query parameters, range-checked with a fix in the error. */
final class QueryParams {

    private QueryParams() {
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new BadRequest(name + "=\"" + text + "\" is not a whole number from " + min + " to " + max,
                "pass " + name + " in that range, or leave it out for " + defaultValue);
    }

    static boolean boolParam(Context ctx, String name, boolean defaultValue) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new BadRequest(name + "=\"" + text + "\" is not true or false", "pass " + name + "=true or " + name + "=false");
    }
}
