package dev.smartpot.device.state;

import dev.smartpot.device.board.BootReport;
import dev.smartpot.protocol.WakePhases;

/** Why this boot began, in the protocol's words: a battery pot's wake and an always-on pot's connect both report it. */
public final class ResetWord {

    private ResetWord() {
    }

    /** The board's word when it knows ({@code report} may be null), else as far as retained memory tells. */
    public static String of(BootReport report, RetainedState retained) {
        String board = report == null ? null : report.resetReason();
        if (board != null) {
            return board;
        }
        return retained.wokeFromSleep() ? WakePhases.RESET_DEEP_SLEEP
                : retained.stateKept() ? WakePhases.RESET_RESTART : WakePhases.RESET_POWER_ON;
    }
}
