package dev.smartpot.mothership.notify;

import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP (Jakarta Mail): {@code mailto://} on port 587 with STARTTLS required ({@code ?starttls=no}
 * for a relay on one's own network that has none), {@code mailtos://} on port 465 with TLS from the start. A login
 * when the URL has {@code user:password@}. Delivered means the server answered 250 to the message.
 */
final class MailChannel implements Channel {

    private static final String TIMEOUT_MS = String.valueOf(HttpChannels.TIMEOUT.toMillis());

    @Override
    public void send(Target t, Message m) throws DeliveryFailed {
        boolean tls = t.secure();
        String protocol = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", t.host());
        p.setProperty(prefix + "port", String.valueOf(t.port() >= 0 ? t.port() : tls ? 465 : 587));
        p.setProperty(prefix + "auth", String.valueOf(t.password() != null));
        p.setProperty(prefix + "connectiontimeout", TIMEOUT_MS);
        p.setProperty(prefix + "timeout", TIMEOUT_MS);
        p.setProperty(prefix + "writetimeout", TIMEOUT_MS);
        if (tls) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        } else if (!"no".equals(t.params().get("starttls"))) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        try {
            MimeMessage mail = new MimeMessage(session);
            String from = t.params().get("from");
            mail.setFrom(new InternetAddress(from != null ? from : t.user() != null && t.user().contains("@") ? t.user()
                    : "mothership@" + t.host()));
            for (String to : TargetParser.recipients(t)) {
                mail.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
            }
            mail.setSubject(m.title(), "UTF-8");
            mail.setText(m.text(), "UTF-8");
            mail.setSentDate(new Date());
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(t.host(), t.port(), t.user(), t.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new DeliveryFailed("the mail server " + t.masked() + " did not take it: " + t.scrub(describe(e)));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            b.append(" (").append(c.getMessage()).append(')');
            e = c;
        }
        return b.toString().replace('\n', ' ').strip();
    }
}
