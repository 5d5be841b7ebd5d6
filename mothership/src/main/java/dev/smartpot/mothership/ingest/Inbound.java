package dev.smartpot.mothership.ingest;

import dev.smartpot.protocol.ConnectPhases;
import dev.smartpot.protocol.WakePhases;

/**
 * What one MQTT message turned out to be, once parsed: a pot's reading, its status, its reply to a
 * command, or a message (the tutorial's text, or junk kept for a person to see).
 */
public sealed interface Inbound {

    /**
     * A pot's reading as sent; the boot is still the pot's own (null when it did not send one).
     *
     * @param note what was odd about it but did not stop it (an id that disagrees with its topic), or null
     * @param batteryMv the battery voltage measured with the reading (pots with battery.adc.pin), null if none; stored
     *                  in the reading's battery_mv column
     */
    record Reading(String potId, Long boot, long seq, Integer raw, Double moisture, String fault, Long uptimeMs,
                   Long ts, long dropped, String note, Integer batteryMv) implements Inbound {

        /** A reading without a battery voltage. */
        public Reading(String potId, Long boot, long seq, Integer raw, Double moisture, String fault, Long uptimeMs,
                       Long ts, long dropped, String note) {
            this(potId, boot, seq, raw, moisture, fault, uptimeMs, ts, dropped, note, null);
        }
    }

    /**
     * The pot's retained status (the protocol's {@code StatusWords}).
     *
     * @param status the tutorial's word ({@code online}, {@code offline}) or the JSON status as sent; null: cleared
     * @param wake   what the wake (or connect) that sent it took, phase by phase; null when it did not say
     */
    record Status(String potId, String status, WakePhases wake) implements Inbound {

        /** A status without a wake's phases. */
        public Status(String potId, String status) {
            this(potId, status, null);
        }
    }

    /**
     * A pot's answer to a command.
     *
     * @param command the command it answers as the pot echoed it (trimmed, at most 64 characters), null if absent
     * @param nextAllowedInS with a refusal: seconds until the pot allows the command again, else null
     */
    record Reply(String potId, String json, boolean ok, String command, String error, Long nextAllowedInS)
            implements Inbound {

        public Reply(String potId, String json, boolean ok, String command, String error) {
            this(potId, json, ok, command, error, null);
        }
    }

    /**
     * What a pot is and allows (its retained about message); null fields it did not say. All null: the slot was
     * cleared.
     *
     * @param board          the board it runs on (null: it did not say)
     * @param pump           whether the pot has a pump (null: it did not say)
     * @param waterMaxMl     the most one water command may pour there
     * @param waterCooldownS the least time between two waterings there, seconds
     */
    record About(String potId, String firmware, String board, Boolean pump, Long waterMaxMl, Long waterBudgetDayMl,
                 Long waterCooldownS, Long intervalMs, String power, Boolean battery) implements Inbound {
    }

    /**
     * An always-on pot's retained record of its latest connect (the protocol's {@code ConnectPhases}).
     *
     * @param phases what the connect took, phase by phase; null: the retained slot was cleared
     */
    record Connect(String potId, ConnectPhases phases) implements Inbound {
    }

    /** Text that is not a reading (junk=false), or junk with the problem in words; text is bounded. */
    record Message(String topic, String text, boolean junk, String problem) implements Inbound {
    }
}
