package dev.smartpot.mothership.web;

/** Input the API cannot use: answered 400 with the problem and its fix, never a stack trace. */
public final class BadRequest extends RuntimeException {

    private final String fix;

    public BadRequest(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
