package dev.smartpot.simulator.mqtt;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.eclipse.paho.client.mqttv3.MqttException;

import dev.smartpot.device.mqtt.BrokerRefusals;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.host.tls.BrokerCertificateException;

/** Paho's failures as the core's {@link MqttTransportException}s: refused, busy or unreachable, said for a person. */
final class PahoFailures {

    private PahoFailures() {
    }

    /** Sorts Paho's reason codes into what the supervisor acts on, with a message a person understands. */
    static MqttTransportException translate(MqttException e) {
        MqttTransportException tls = translateTls(e);
        if (tls != null) {
            return tls;
        }
        int code = e.getReasonCode();
        String detail = describe(e);
        switch (code) {
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
            case MqttException.REASON_CODE_INVALID_CLIENT_ID:
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                // Paho's reason codes 1-5 are the CONNACK return codes.
                return BrokerRefusals.connectRefused(code);
            case MqttException.REASON_CODE_NOT_AUTHORIZED:
                // The desktop's own hint: where scripts/broker keeps each pot's login.
                return new MqttTransportException(MqttTransportException.REFUSED, BrokerRefusals.connackMessage(code)
                        + " (scripts/broker --secure: .broker-secure/pots/<client id>.properties)");
            case MqttException.REASON_CODE_MAX_INFLIGHT:
                return new MqttTransportException(MqttTransportException.BUSY, "too many publishes in flight");
            case MqttException.REASON_CODE_CLIENT_TIMEOUT:
                return new MqttTransportException(MqttTransportException.UNREACHABLE, "no answer from the broker in time");
            default:
                return new MqttTransportException(MqttTransportException.UNREACHABLE, detail);
        }
    }

    /** Certificate and handshake failures: a configuration problem on one side, so the core treats them as refusals. */
    private static MqttTransportException translateTls(Throwable e) {
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

    /** The exception's message with its cause's, when that adds something. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
