package dev.smartpot.mothership.web;

/** A limit that keeps the Pi answering was reached: 503 with what is full and what to do. */
public final class TooBusy extends RuntimeException {

    private final String fix;

    public TooBusy(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
