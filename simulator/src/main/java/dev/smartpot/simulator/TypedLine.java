package dev.smartpot.simulator;

import dev.smartpot.simulator.board.ConsoleLines;

/** What became of a command typed at the console: the core runs it on its own loop, when it can. */
public enum TypedLine {
    /** The loop was woken for it. */
    RUNS_NOW,
    /** The pot has not booted yet: it runs once it has. */
    RUNS_AFTER_BOOT,
    /** The pot sleeps deeply: it runs at the next wake. */
    RUNS_AT_WAKE,
    /** The pot has stopped: nothing runs it. */
    NOT_RUNNING,
    /** {@link ConsoleLines#CAPACITY} lines still wait for the pot: this one was not taken. */
    BACKLOG_FULL
}
