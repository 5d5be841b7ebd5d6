package dev.smartpot.mothership.broker;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import dev.smartpot.mothership.broker.mqtt.ConnectRefused;

/**
 * What the link says about itself, whichever client runs it: connected, subscribed, why it dropped (each piece of
 * news said once, not at every reconnect attempt), and the knock-off pattern of a second mothership with the same
 * client id.
 */
final class LinkState {

    private final BrokerOptions options;
    private final Clock clock;
    private final Consumer<String> log;
    private final KnockOffDetector knockOffs = new KnockOffDetector();
    private volatile String lastProblem;
    /** Connected and every subscription acknowledged: from now on nothing published is missed. */
    private volatile boolean subscribed;
    private String lastNews;

    LinkState(BrokerOptions options, Clock clock, Consumer<String> log) {
        this.options = options;
        this.clock = clock;
        this.log = log;
    }

    private void say(String news) {
        // A broker that stays away (or keeps refusing) is said once, not at every reconnect attempt.
        synchronized (this) {
            if (news.equals(lastNews)) {
                return;
            }
            lastNews = news;
        }
        log.accept(news);
    }

    void connected() {
        knockOffs.connected(clock.millis());
        lastProblem = null;
        subscribed = false;
        say("connected to " + options.url());
    }

    void subscribed(List<String> filters) {
        subscribed = true;
        say("receiving " + String.join(", ", filters));
    }

    void subscriptionRefused(String filter, String why) {
        say("the broker refused the subscription to " + filter + " (" + why + "); check the mothership account's ACL");
    }

    /** The broker (or the network) closed the link; {@code sessionTakenOver}: the broker said another client took it. */
    void dropped(Throwable cause, boolean sessionTakenOver) {
        subscribed = false;
        lastProblem = explain(cause);
        say("broker link down (" + lastProblem + "); reconnecting");
        if (knockOffs.closedByBroker(clock.millis(), sessionTakenOver)) {
            say("the broker keeps closing this link soon after it connects: another client,"
                    + " most likely a second mothership, uses the client id \"" + options.clientId()
                    + "\" (a broker allows one connection per id). Fix: give each mothership its own"
                    + " --client-id, e.g. --client-id " + options.clientId() + "-2");
        }
    }

    /** This client closed the link over the broker's traffic: no second mothership is involved. */
    void refusedTraffic(String why) {
        subscribed = false;
        lastProblem = why;
        say("broker link down (" + why + "); reconnecting");
    }

    void cannotConnect(Throwable e) {
        subscribed = false;
        lastProblem = explain(e);
        say("cannot connect to " + options.url() + " (" + lastProblem + "); retrying");
    }

    boolean subscribed() {
        return subscribed;
    }

    String problem() {
        return lastProblem;
    }

    /** The cause in words, with the fix for the usual TLS and login mistakes. */
    private String explain(Throwable e) {
        String m = String.valueOf(e.getMessage());
        for (Throwable c = e; c != null; c = c.getCause()) {
            String says = String.valueOf(c.getMessage());
            if (says.contains("No subject alternative") || says.contains("No name matching")) {
                return "TLS: the broker's certificate is not for " + options.host() + " (" + says + "); connect by a name"
                        + " its certificate holds, or give the broker a certificate for " + options.host();
            }
            if (c instanceof javax.net.ssl.SSLHandshakeException || String.valueOf(c.getMessage()).contains("PKIX")) {
                return "TLS: the broker's certificate is not trusted (" + c.getMessage() + "); give the CA that signed it"
                        + (options.caFile() == null ? "" : " instead of " + options.caFile());
            }
        }
        if (e instanceof ConnectRefused refused) {
            return refused.login() ? m + "; check the mothership's user name and password" : m;
        }
        if (m.contains("BAD_USER_NAME_OR_PASSWORD") || m.contains("NOT_AUTHORIZED")
                || m.contains("Bad user name or password") || m.contains("Not authorized")) {
            return "refused by the broker (" + m + "); check the mothership's user name and password";
        }
        return e.getCause() != null && e.getCause().getMessage() != null ? m + ": " + e.getCause().getMessage() : m;
    }
}
