package dev.smartpot.protocol;

/**
 * What one message from a pot turned out to be: a {@link Reading}, a {@link Status}, a {@link Reply}, or a
 * {@link Message} (the tutorial's text, or junk kept with its problem in words).
 */
public abstract class Decoded {

    private Decoded() {
    }

    /** A reading as sent ({@link ReadingFields}); null for an optional field the pot left out. */
    public static final class Reading extends Decoded {
        public final String potId;
        public final Long boot;
        public final long seq;
        public final Integer raw;
        /** Null with a fault. */
        public final Double moisture;
        public final String fault;
        public final Long uptimeMs;
        public final Long ts;
        /** 0 when none. */
        public final long dropped;
        /** What was odd about it but did not stop it (an id that disagrees with its topic), or null. */
        public final String note;
        public final Integer batteryMv;
        /** Null when none. */
        public final Long commandsDropped;

        Reading(String potId, Long boot, long seq, Integer raw, Double moisture, String fault, Long uptimeMs, Long ts,
                long dropped, String note, Integer batteryMv, Long commandsDropped) {
            this.potId = potId;
            this.boot = boot;
            this.seq = seq;
            this.raw = raw;
            this.moisture = moisture;
            this.fault = fault;
            this.uptimeMs = uptimeMs;
            this.ts = ts;
            this.dropped = dropped;
            this.note = note;
            this.batteryMv = batteryMv;
            this.commandsDropped = commandsDropped;
        }
    }

    /**
     * A pot's retained status ({@link StatusWords}, {@link StatusFields}); state null when the retained slot was
     * cleared.
     */
    public static final class Status extends Decoded {
        public final String potId;
        /** {@link StatusWords#ONLINE}, {@link StatusWords#ASLEEP}, {@link StatusWords#OFFLINE}, or null: cleared. */
        public final String state;
        /** With asleep: the wake by the pot's wall clock, ms since 1970, or null when the pot did not know the time. */
        public final Long wakeAtMillis;
        /** With asleep: the sleep's length from when it said so, ms, or null. */
        public final Long sleepMillis;
        /** The phases of the wake or connect that sent it, or null. */
        public final WakePhases wake;
        /** The payload as sent, trimmed: two statuses are the same when their texts are. */
        public final String text;

        Status(String potId, String state, Long wakeAtMillis, Long sleepMillis, WakePhases wake, String text) {
            this.potId = potId;
            this.state = state;
            this.wakeAtMillis = wakeAtMillis;
            this.sleepMillis = sleepMillis;
            this.wake = wake;
            this.text = text;
        }

        public boolean asleep() {
            return StatusWords.ASLEEP.equals(state);
        }
    }

    /** A pot's answer to a command ({@link ReplyFields}). */
    public static final class Reply extends Decoded {
        public final String potId;
        /** The reply as sent, at most {@link PayloadDecoder#MAX_BYTES} characters. */
        public final String json;
        public final boolean ok;
        /** The command it answers as the pot echoed it, or null. */
        public final String command;
        public final String error;
        /** Seconds until a refused command is allowed again, or null. */
        public final Long nextAllowedInS;

        Reply(String potId, String json, boolean ok, String command, String error, Long nextAllowedInS) {
            this.potId = potId;
            this.json = json;
            this.ok = ok;
            this.command = command;
            this.error = error;
            this.nextAllowedInS = nextAllowedInS;
        }
    }

    /** What a pot is and allows ({@link AboutFields}); a field it left out is null. Null fields all: the slot was cleared. */
    public static final class About extends Decoded {
        public final String potId;
        public final Long protocol;
        public final String firmware;
        /** The board's name, or null when the pot did not say. */
        public final String board;
        public final Boolean pump;
        public final Long waterMaxMl;
        public final Long waterBudgetHourMl;
        public final Long waterBudgetDayMl;
        public final Long waterCooldownS;
        public final Long waterWetAbove;
        public final Long intervalMs;
        public final String power;
        public final Boolean battery;

        About(String potId, Long protocol, String firmware, String board, Boolean pump, Long waterMaxMl, Long waterBudgetHourMl,
                Long waterBudgetDayMl, Long waterCooldownS, Long waterWetAbove, Long intervalMs, String power,
                Boolean battery) {
            this.potId = potId;
            this.protocol = protocol;
            this.firmware = firmware;
            this.board = board;
            this.pump = pump;
            this.waterMaxMl = waterMaxMl;
            this.waterBudgetHourMl = waterBudgetHourMl;
            this.waterBudgetDayMl = waterBudgetDayMl;
            this.waterCooldownS = waterCooldownS;
            this.waterWetAbove = waterWetAbove;
            this.intervalMs = intervalMs;
            this.power = power;
            this.battery = battery;
        }
    }

    /** An always-on pot's connect record ({@link ConnectPhases}); phases null: the retained slot was cleared. */
    public static final class Connect extends Decoded {
        public final String potId;
        public final ConnectPhases phases;
        /** The payload as sent, trimmed. */
        public final String text;

        Connect(String potId, ConnectPhases phases, String text) {
            this.potId = potId;
            this.phases = phases;
            this.text = text;
        }
    }

    /** Text that is not a reading (junk false: the tutorial's), or junk with the problem in words; text is bounded. */
    public static final class Message extends Decoded {
        public final String topic;
        public final String text;
        public final boolean junk;
        public final String problem;

        Message(String topic, String text, boolean junk, String problem) {
            this.topic = topic;
            this.text = text;
            this.junk = junk;
            this.problem = problem;
        }
    }
}
