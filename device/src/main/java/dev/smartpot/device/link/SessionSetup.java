package dev.smartpot.device.link;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The session steps each component added at wiring time, run in that order after every connect; and whether they
 * need to run in full. A pot in deep sleep keeps a persistent session: when CONNACK says the broker still has it and
 * it is the session this pot set up and confirmed last (same broker, client id and subscriptions: the fingerprint in
 * {@link LinkMemory}), the steps subscribe to nothing and the wake saves those round trips. Any doubt sets the session
 * up again: no session present (a broker restarted without persistence, a first connect), a transport that cannot
 * tell, another fingerprint, or a setup that never finished (a refused subscription, a delivery check not yet passed).
 */
public final class SessionSetup {

    private static final int MAX_STEPS = 8;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private final SessionStep[] steps = new SessionStep[MAX_STEPS];
    private final LinkMemory memory;
    private int count;
    private boolean kept;
    /** The setup of this connection: remembered once no step is left unconfirmed. */
    private int pendingFingerprint;
    private int pendingSteps;

    public SessionSetup(LinkMemory memory) {
        this.memory = memory;
    }

    public void add(SessionStep step) {
        if (count == MAX_STEPS) {
            throw new IllegalStateException("more than " + MAX_STEPS + " session steps: raise SessionSetup.MAX_STEPS");
        }
        steps[count++] = step;
    }

    /**
     * Runs the steps after a connect.
     *
     * @param sessionState what CONNACK said, one of {@link MqttTransport}'s {@code SESSION_*}
     */
    void start(MqttTransport mqtt, int sessionState, String broker, String clientId) throws MqttTransportException {
        int fingerprint = fingerprint(broker, clientId);
        kept = sessionState == MqttTransport.SESSION_PRESENT && memory.session() == fingerprint;
        if (!kept) {
            // Being set up again: until every step is in place, the next connect must not trust it either.
            memory.session(0);
        }
        pendingFingerprint = fingerprint;
        pendingSteps = 0;
        for (int i = 0; i < count; i++) {
            if (!steps[i].start(mqtt, kept)) {
                pendingSteps++;
            }
        }
        if (!kept && pendingSteps == 0) {
            memory.session(fingerprint);
        }
    }

    /** A step whose setup finished after {@link #start} (the delivery check got its echo) says so. */
    public void confirmed() {
        if (pendingSteps > 0 && --pendingSteps == 0) {
            memory.session(pendingFingerprint);
        }
    }

    /** What the link keeps across wakes (the WiFi join uses it too). */
    LinkMemory memory() {
        return memory;
    }

    /** Whether the last connect resumed the session set up before (and so subscribed to nothing). */
    public boolean kept() {
        return kept;
    }

    /** The "connected to ..." line, or null when a step asks for the connect to go unannounced. */
    String describe(StringBuilder line) {
        boolean announce = true;
        for (int i = 0; i < count; i++) {
            announce &= steps[i].describe(line);
        }
        if (kept) {
            line.append(" (session kept by the broker: nothing to subscribe)");
        }
        return announce ? line.toString() : null;
    }

    void linkDown() {
        pendingSteps = 0;
        for (int i = 0; i < count; i++) {
            steps[i].linkDown();
        }
    }

    private int fingerprint(String broker, String clientId) {
        int hash = hash(hash(FNV_OFFSET, broker), clientId);
        for (int i = 0; i < count; i++) {
            hash = steps[i].fingerprint(hash);
        }
        // 0 means "no session remembered".
        return hash == 0 ? 1 : hash;
    }

    /** FNV-1a over {@code text}'s characters (and a separator), for {@link SessionStep#fingerprint}. */
    public static int hash(int hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0xffff) * FNV_PRIME;
    }

    /** FNV-1a over {@code length} bytes, for {@link SessionStep#fingerprint}. */
    public static int hash(int hash, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            hash = (hash ^ (bytes[i] & 0xff)) * FNV_PRIME;
        }
        return hash;
    }

    /** FNV-1a over a number, for {@link SessionStep#fingerprint}. */
    public static int hash(int hash, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            hash = (hash ^ ((value >>> shift) & 0xff)) * FNV_PRIME;
        }
        return hash;
    }
}
