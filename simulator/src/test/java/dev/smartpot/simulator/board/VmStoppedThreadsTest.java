package dev.smartpot.simulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VmStoppedThreadsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Throwable> passedOn = new ArrayList<>();
    private final VmStoppedThreads handler = new VmStoppedThreads(new PrintStream(err, true, StandardCharsets.UTF_8),
            (thread, e) -> passedOn.add(e));

    private void runThrowing(Throwable thrown) throws InterruptedException {
        Thread readings = new Thread(() -> {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }, "readings");
        readings.setUncaughtExceptionHandler(handler);
        readings.start();
        readings.join(10_000);
    }

    @Test
    void aThreadEndedByTheStoppedVmIsOneLine() throws InterruptedException {
        runThrowing(new EvaluationVm.Stopped("the VM reached its run-time limit of 20s"));
        assertEquals("readings: ended with the VM (the VM reached its run-time limit of 20s)" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), passedOn);
    }

    @Test
    void anyOtherFailureGoesToTheHandlerBefore() throws InterruptedException {
        IllegalStateException bug = new IllegalStateException("a bug");
        runThrowing(bug);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, passedOn.size());
        assertSame(bug, passedOn.get(0));
    }
}
