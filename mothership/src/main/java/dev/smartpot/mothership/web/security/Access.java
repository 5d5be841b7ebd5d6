package dev.smartpot.mothership.web.security;

import io.javalin.http.Context;

/** Who made a request, as the guard found out: the name written into the command and watering logs. */
public final class Access {

    static final String USER = "smartpot.user";
    /** On a loopback-only dashboard the person at the machine is trusted; logs name them so. */
    public static final String LOCAL_USER = "local";
    public static final String TOKEN_USER = "api-token";

    private Access() {
    }

    public static String user(Context ctx) {
        String user = ctx.attribute(USER);
        return user == null ? LOCAL_USER : user;
    }
}
