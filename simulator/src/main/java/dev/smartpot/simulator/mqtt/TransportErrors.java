package dev.smartpot.simulator.mqtt;

import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.host.tls.BrokerCertificateException;

/**
 * What the desktop transports (Paho and HiveMQ) say about a failure that is not a broker's refusal: a host name
 * that does not resolve, a TLS problem, or the client library's own words. One place, so both say it the same way.
 */
final class TransportErrors {

    private TransportErrors() {
    }

    /** A name, TLS or library failure as the supervisor acts on it, with a message a person can act on. */
    static MqttTransportException unreachableOrTls(Throwable e) {
        MqttTransportException tls = tls(e);
        if (tls != null) {
            return tls;
        }
        String host = unresolvedHost(e);
        if (host != null) {
            // The name may come back (DNS or mDNS starting late), so it stays a reachability problem.
            return new MqttTransportException(MqttTransportException.UNREACHABLE, "cannot resolve host " + host
                    + ". Fix: check the name in mqtt.broker (or --broker), or use the broker's IP address");
        }
        return new MqttTransportException(MqttTransportException.UNREACHABLE, describe(e));
    }

    /** Certificate and handshake failures: a configuration problem on one side, so the core treats them as refusals. */
    static MqttTransportException tls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BrokerCertificateException) {
                return new MqttTransportException(MqttTransportException.REFUSED, "TLS refused: " + t.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof SSLException && (m.contains("certificate_required") || m.contains("bad_certificate")
                    || m.contains("unknown_ca") || m.contains("certificate_unknown"))) {
                return new MqttTransportException(MqttTransportException.REFUSED, "TLS refused by the broker (" + m
                        + "): it wants a client certificate it trusts. Fix: set mqtt.tls.cert and mqtt.tls.key to a"
                        + " certificate signed by the broker's CA");
            }
            if (t instanceof SSLException && m.contains("Unsupported or unrecognized SSL message")) {
                return new MqttTransportException(MqttTransportException.REFUSED, "the broker does not speak TLS on this port."
                        + " Fix: use tcp:// for a plain port, or the broker's TLS port (usually 8883) with ssl://");
            }
            if (t instanceof SSLHandshakeException) {
                return new MqttTransportException(MqttTransportException.REFUSED, "TLS handshake with the broker failed: " + m);
            }
        }
        return null;
    }

    /** The host name that did not resolve, or null if name resolution is not what failed. */
    static String unresolvedHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                String name = t.getMessage();
                return name == null || name.isBlank() ? "(no name)" : name.split(":")[0].trim();
            }
        }
        return null;
    }

    /** The library's message with its cause's, without repeating one inside the other. */
    static String describe(Throwable e) {
        if (e == null) {
            return "unknown cause";
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
