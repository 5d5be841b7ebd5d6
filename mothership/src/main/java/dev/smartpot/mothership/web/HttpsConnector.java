package dev.smartpot.mothership.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import dev.smartpot.mothership.web.security.HttpsKeys;

/** The dashboard's only listener when HTTPS is on: TLS 1.2 or newer, with the PEM certificate and key given. */
final class HttpsConnector {

    private HttpsConnector() {
    }

    static Connector create(Server server, HttpConfiguration http, WebServer.Options options) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(HttpsKeys.load(options.tlsCert(), options.tlsKey()));
        tls.setKeyStorePassword(HttpsKeys.STORE_PASSWORD);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        // A certificate made out for an address (IP SAN) is fine: the browser checks the name, not Jetty.
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        https.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(options.host());
        connector.setPort(options.port());
        return connector;
    }
}
