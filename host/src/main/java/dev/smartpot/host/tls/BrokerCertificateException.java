package dev.smartpot.host.tls;

import java.security.cert.CertificateException;

/** The broker's certificate was refused, with a message that says which check failed and how to fix it. */
public final class BrokerCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    public BrokerCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
