package dev.smartpot.mothership.notify;

/** One way to reach a person (ntfy, a JSON webhook, e-mail, Telegram). Returns only once the receiver accepted it. */
interface Channel {

    /** @throws DeliveryFailed unless the receiver acknowledged it (a 2xx answer, SMTP 250) */
    void send(Target target, Message message) throws DeliveryFailed;
}
