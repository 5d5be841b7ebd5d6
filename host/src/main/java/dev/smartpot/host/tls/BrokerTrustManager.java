package dev.smartpot.host.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the broker's certificate with the JDK's own PKIX validation, one question at a time, so a refusal
 * says which check failed: self-signed, expired (or not yet valid), signed by another CA, or made out for
 * another host. The JDK alone answers all four with "PKIX path building failed" or similar.
 */
final class BrokerTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    /** "the CA in mqtt.tls.ca (ca.crt)" or "a CA this computer trusts". */
    private final String trusted;
    private final boolean verifyHostname;

    BrokerTrustManager(X509ExtendedTrustManager pkix, String trusted, boolean verifyHostname) {
        this.pkix = pkix;
        this.trusted = trusted;
        this.verifyHostname = verifyHostname;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkChain(chain, authType);
        if (verifyHostname) {
            String host = socket instanceof SSLSocket s ? peerHost(s.getHandshakeSession()) : null;
            try {
                // With the socket, the JDK also matches the host name (Paho asks for HTTPS-style identification).
                pkix.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw wrongHost(chain[0], host != null ? host : socket.getInetAddress().getHostAddress(), e);
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkChain(chain, authType);
        if (verifyHostname) {
            try {
                pkix.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw wrongHost(chain[0], engine.getPeerHost(), e);
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkChain(chain, authType);
    }

    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new BrokerCertificateException("the broker sent no certificate", null);
        }
        X509Certificate leaf = chain[0];
        boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
        if (selfSigned && !isTrustAnchor(leaf)) {
            throw new BrokerCertificateException("the broker's certificate is self-signed (" + leaf.getSubjectX500Principal().getName()
                    + "), not issued by " + trusted + ". Fix: give the broker a certificate signed by your CA (scripts/broker --secure"
                    + " makes one), or set mqtt.tls.ca to the CA that signed the broker's certificate", null);
        }
        Date now = new Date();
        for (X509Certificate c : chain) {
            String which = c == leaf ? "the broker's certificate" : "the certificate of its CA " + c.getSubjectX500Principal().getName();
            if (now.after(c.getNotAfter())) {
                throw new BrokerCertificateException(which + " expired on " + Instant.ofEpochMilli(c.getNotAfter().getTime())
                        + ". Fix: renew it (scripts/broker --secure renews its own when it runs), and check this computer's clock", null);
            }
            if (now.before(c.getNotBefore())) {
                throw new BrokerCertificateException(which + " is not valid until " + Instant.ofEpochMilli(c.getNotBefore().getTime())
                        + ". Fix: check this computer's clock (a board needs the time before TLS can work)", null);
            }
        }
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new BrokerCertificateException("the broker's certificate (issued by " + leaf.getIssuerX500Principal().getName()
                    + ") is not signed by " + trusted + ". Fix: set mqtt.tls.ca to the CA certificate this broker's certificate"
                    + " was issued with (scripts/broker --secure: .broker-secure/ca.crt)", e);
        }
    }

    private boolean isTrustAnchor(X509Certificate certificate) {
        for (X509Certificate anchor : pkix.getAcceptedIssuers()) {
            if (anchor.equals(certificate)) {
                return true;
            }
        }
        return false;
    }

    private static BrokerCertificateException wrongHost(X509Certificate leaf, String host, CertificateException cause) {
        List<String> names = namesIn(leaf);
        return new BrokerCertificateException("the broker's certificate is for " + (names.isEmpty() ? "no host name" : String.join(", ", names))
                + ", not " + host + " (wrong host). Fix: dial the broker by a name its certificate lists (mqtt.broker), or"
                + " re-issue its certificate for " + host + " (scripts/broker --secure --host " + host + ")", cause);
    }

    /** DNS names and IP addresses the certificate is valid for. */
    static List<String> namesIn(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // Fall back to the common name below.
        }
        if (names.isEmpty()) {
            names.add(certificate.getSubjectX500Principal().getName());
        }
        return names;
    }

    private static String peerHost(SSLSession session) {
        return session == null ? null : session.getPeerHost();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a pot does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a pot does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a pot does not accept TLS clients");
    }
}
