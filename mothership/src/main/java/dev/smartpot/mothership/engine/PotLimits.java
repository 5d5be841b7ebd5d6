package dev.smartpot.mothership.engine;

import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.CommandParser;

/**
 * What a pot allows, as the protocol and the pot's own about message say, checked before anything is planned or sent:
 * an amount or a setting the pot would refuse is an IllegalArgumentException (a 400) naming the limit.
 */
final class PotLimits {

    private PotLimits() {
    }

    /** @param about the pot's about message, null while it has sent none */
    static void water(int ml, Inbound.About about) {
        if (ml < 1 || ml > CommandParser.MAX_WATER_ML) {
            throw new IllegalArgumentException("water " + ml + " ml: expected 1 to " + CommandParser.MAX_WATER_ML
                    + " ml, the most a pot pours per command");
        }
        if (about != null && about.waterMaxMl() != null && ml > about.waterMaxMl()) {
            throw new IllegalArgumentException("water " + ml + " ml: this pot pours at most " + about.waterMaxMl()
                    + " ml per command (its own limits); expected 1 to " + about.waterMaxMl() + " ml");
        }
    }

    static void settings(PotSettings s, Inbound.About about) {
        if (about != null && about.waterMaxMl() != null && s.waterMl() > about.waterMaxMl()) {
            throw new IllegalArgumentException("waterMl " + s.waterMl() + " is more than this pot pours per command ("
                    + about.waterMaxMl() + " ml, its own limits); expected 1 to " + about.waterMaxMl() + " ml");
        }
    }
}
