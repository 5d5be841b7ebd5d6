package dev.smartpot.mothership.web.security;

import io.javalin.http.Context;

/** Who made a request, as the guard found out: the name written into the command and watering logs. */
public final class Access {

    static final String USER = "smartpot.user";
    /** Set on a request to a server with a login from someone not logged in. */
    static final String STRANGER = "smartpot.stranger";
    /** On a loopback-only dashboard the person at the machine is trusted; logs name them so. */
    public static final String LOCAL_USER = "local";
    public static final String TOKEN_USER = "api-token";

    private Access() {
    }

    /** Not logged in on a server that asks for a login: such a caller learns only whether the Pi is fine. */
    public static boolean stranger(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(STRANGER));
    }

    public static String user(Context ctx) {
        String user = ctx.attribute(USER);
        return user == null ? LOCAL_USER : user;
    }
}
