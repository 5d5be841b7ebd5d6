package dev.smartpot.mothership;

import java.io.PrintStream;

import dev.smartpot.mothership.web.security.LoginStore;
import dev.smartpot.protocol.WireTopics;

/** What a person needs to know once the mothership runs: where the dashboard is, and a new login once. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, MothershipApp app, MothershipApp.Options o) {
        String url = app.dashboardUrl();
        out.println("smartpot mothership: dashboard " + url);
        if (o.httpHost().equals("0.0.0.0") || o.httpHost().equals("::")) {
            out.println("  from other machines: http://<this machine's address>:" + app.web().port() + "/ (login required)");
        }
        if (app.embeddedBroker() != null) {
            out.println("  broker: embedded MQTT broker (Moquette) on " + app.brokerUrl()
                    + "; point pots at it: ./scripts/simulate --broker " + app.brokerUrl());
            if (o.embeddedPort() != 0 && app.embeddedBroker().port() != o.embeddedPort()) {
                out.println("  (port " + o.embeddedPort() + " is taken, perhaps by a Mosquitto already running: pass --broker tcp://127.0.0.1:"
                        + o.embeddedPort() + " to use that one)");
            }
        } else {
            out.println("  broker: " + app.brokerUrl());
        }
        out.println("  store: " + app.engine().health().store());
        out.println("  API: curl " + url + "api/pots   (alerts also on MQTT topic " + WireTopics.ALERTS + ")");
        LoginStore.Created login = app.web().createdLogin();
        if (login != null) {
            // Not printed: under systemd this output is the journal, which others may read.
            out.println("  dashboard login made: user " + login.user() + "; its password and API token are in "
                    + login.secretsFile() + " (readable by this user only). Note them, then delete that file.");
            out.println("      curl -H \"Authorization: Bearer $API_TOKEN\" " + url + "api/pots");
        }
        out.println("  Ctrl-C to stop");
    }
}
