package dev.smartpot.device.link;

import dev.smartpot.device.board.FixHints;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.BrokerAddress;

/** Warns, after a connect, about a link that works but is not safe: an unchecked TLS name, a password in clear. */
final class LinkSecurity {

    private final DeviceConfig config;
    private final FixHints hints;
    private final Log log;
    private boolean plainPasswordWarned;

    LinkSecurity(DeviceConfig config, FixHints hints, Log log) {
        this.config = config;
        this.hints = hints;
        this.log = log;
    }

    void warnAbout(String broker) {
        BrokerAddress address = BrokerAddress.parse(broker);
        if (address.isTls() && !config.tls.verifyHostname) {
            log.warn("TLS hostname verification is off (mqtt.tls.verify_hostname = false): any certificate signed by the CA"
                    + " is accepted for " + broker + ", so whoever holds one can pose as the broker. Fix: give the broker a"
                    + " certificate for the name the pot dials and set mqtt.tls.verify_hostname = true");
        }
        if (!address.isTls() && config.mqttPassword != null && !plainPasswordWarned && !address.isLoopback()) {
            String hint = hints.hint(FixHints.PLAIN_PASSWORD, broker);
            log.warn("mqtt.password travels unencrypted to " + broker + ": anyone on that network can read it."
                    + " Fix: use an ssl:// broker" + (hint == null ? "" : hint));
            plainPasswordWarned = true;
        }
    }
}
