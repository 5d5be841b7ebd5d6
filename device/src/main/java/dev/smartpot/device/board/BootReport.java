package dev.smartpot.device.board;

/**
 * What a board measured about the boot under way that the core cannot know: how long the chip took to reach the
 * application, and why it started. A battery pot's wake reports them (the protocol's {@code WakePhases}); without a
 * report the core's modelled boot and its own reset word (from retained memory) are sent, marked modelled.
 */
public interface BootReport {

    /** Milliseconds from the chip's start to the application's main, or -1 when unknown. */
    long bootMillis();

    /** Why the chip started, one word such as deep-sleep, power-on, restart or brownout; null when unknown. */
    String resetReason();
}
