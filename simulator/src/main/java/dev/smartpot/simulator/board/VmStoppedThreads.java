package dev.smartpot.simulator.board;

import java.io.PrintStream;

/**
 * What the simulator says when one of a pot's threads ends because its evaluation VM stopped ({@link EvaluationVm.Stopped}
 * thrown into the readings thread by the pot's clock): one line, since the pot's main loop already reported the death
 * with its fix. Anything else a thread throws goes on to the handler that was there before (Java's own report).
 */
public final class VmStoppedThreads implements Thread.UncaughtExceptionHandler {

    private final PrintStream err;
    private final Thread.UncaughtExceptionHandler next;

    /** @param next the handler before this one, or null for the thread group's (Java's "Exception in thread" report) */
    public VmStoppedThreads(PrintStream err, Thread.UncaughtExceptionHandler next) {
        this.err = err;
        this.next = next;
    }

    /** Installs it as every thread's default, in front of the one there was. */
    public static void install(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler(new VmStoppedThreads(err, Thread.getDefaultUncaughtExceptionHandler()));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (e instanceof EvaluationVm.Stopped) {
            err.println(thread.getName() + ": ended with the VM (" + e.getMessage() + ")");
        } else if (next != null) {
            next.uncaughtException(thread, e);
        } else {
            thread.getThreadGroup().uncaughtException(thread, e);
        }
    }
}
