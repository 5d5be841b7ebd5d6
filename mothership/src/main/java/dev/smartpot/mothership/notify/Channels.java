package dev.smartpot.mothership.notify;

/** The channel for each kind of target. */
final class Channels implements Channel {

    private final Channel ntfy;
    private final Channel json;
    private final Channel mail;
    private final Channel telegram;

    /** @param telegramApi the Bot API's address; {@link TelegramChannel#API} but in tests */
    Channels(String telegramApi) {
        HttpChannels http = new HttpChannels();
        this.ntfy = new NtfyChannel(http);
        this.json = new JsonChannel(http);
        this.mail = new MailChannel();
        this.telegram = new TelegramChannel(http, telegramApi);
    }

    @Override
    public void send(Target t, Message m) throws DeliveryFailed {
        Channel c = switch (t.kind()) {
            case "ntfy" -> ntfy;
            case "json" -> json;
            case "mailto" -> mail;
            case "tgram" -> telegram;
            default -> throw new IllegalStateException("no channel for " + t.scheme());
        };
        c.send(t, m);
    }
}
