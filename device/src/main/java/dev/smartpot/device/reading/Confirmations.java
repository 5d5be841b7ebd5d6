package dev.smartpot.device.reading;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.Durations;
import dev.smartpot.protocol.AckDecoder;

/**
 * The mothership's word on what it stored ({@code from_mothership/{id}/ack}): once a mothership confirms this pot's
 * readings, a reading the broker has stays queued until an acknowledgement covers it and every older one still queued,
 * then it goes. With no confirmation for {@code ack.wait} while readings wait (a mothership gone for long), the pot
 * falls back to the broker's word, says so once, and lets readings go at the broker's PUBACK; the next
 * acknowledgement brings the confirmations back. Until the first one it trusts the broker, so the tutorial's broker
 * alone, with no mothership, sees what it always saw. The newest acknowledgement wins: each says all the mothership
 * has. Whether a mothership confirms is kept in retained memory ({@link BrokerCustody}) across wakes and resets.
 */
public final class Confirmations {

    /** An acknowledgement holds a few runs: a larger message is not one. */
    static final int MAX_BYTES = 512;
    /** At most this often, a gap at the oldest reading has the publisher send again from there. */
    static final long RESEND_GAP_MILLIS = 5000;

    private final ReadingQueue queue;
    private final BrokerCustody custody;
    private final Log log;
    private final long waitMillis;
    private final int boot;
    private final boolean enabled;
    private final AckDecoder decoder = new AckDecoder();
    /** Written by the transport thread: the newest acknowledgement not yet applied (guarded by "this"). */
    private final byte[] arrived = new byte[MAX_BYTES];
    private int arrivedLength = -1;
    private final byte[] applying = new byte[MAX_BYTES];
    private boolean warnedMalformed;
    /** Set once the pot fell back: the next confirmation says so. */
    private boolean fellBack;
    /** The mothership stored a later reading of this boot but not the oldest one at the broker: send again from it. */
    private boolean gapAtOldest;
    private long lastResendAt = Long.MIN_VALUE / 2;
    private long confirmed;

    /**
     * @param waitMillis {@code ack.wait}: how long readings wait for a confirmation before the broker's word is trusted
     * @param enabled false where no confirmation can come (QoS 0, the tutorial's text readings): the broker's word only
     */
    public Confirmations(ReadingQueue queue, Log log, long waitMillis, int boot, boolean enabled) {
        this.queue = queue;
        this.custody = queue.custody();
        this.log = log;
        this.waitMillis = waitMillis;
        this.boot = boot;
        this.enabled = enabled;
    }

    /** False where no confirmation can come (QoS 0, the tutorial's text readings): nothing to subscribe to. */
    public boolean enabled() {
        return enabled;
    }

    /** True while readings at the broker wait for the mothership; false: they leave the queue at the broker's PUBACK. */
    public boolean confirming() {
        return enabled && custody.confirming();
    }

    /** From the transport thread: an acknowledgement arrived (the newest replaces one not yet applied). */
    public synchronized void offer(byte[] payload) {
        if (payload.length == 0) {
            // A cleared retained message: nothing said.
            return;
        }
        int n = payload.length > MAX_BYTES ? 0 : payload.length;
        System.arraycopy(payload, 0, arrived, 0, n);
        arrivedLength = n;
    }

    /** Applies the newest acknowledgement, then the {@code ack.wait} rule; allocates nothing while nothing changes. */
    public void apply(long now) {
        int length;
        synchronized (this) {
            length = arrivedLength;
            arrivedLength = -1;
            if (length > 0) {
                System.arraycopy(arrived, 0, applying, 0, length);
            }
        }
        if (length >= 0) {
            acknowledged(now, length);
        }
        if (!confirming()) {
            return;
        }
        if (custody.count() == 0) {
            custody.waitingSince(BrokerCustody.NOT_WAITING);
        } else if (custody.waitingSince() == BrokerCustody.NOT_WAITING) {
            custody.waitingSince(now);
        } else if (now - custody.waitingSince() >= waitMillis) {
            fallBack();
        }
    }

    private void acknowledged(long now, int length) {
        int count = length == 0 ? AckDecoder.MALFORMED : decoder.decode(applying, length);
        if (count == AckDecoder.MALFORMED) {
            if (!warnedMalformed) {
                log.warn("an acknowledgement that is not {\"runs\":[{\"boot\":..,\"from\":..,\"to\":..}]} was ignored:"
                        + " readings wait for a well-formed one (or ack.wait)");
                warnedMalformed = true;
            }
            return;
        }
        if (!enabled) {
            return;
        }
        if (!custody.confirming()) {
            custody.confirming(true);
            if (fellBack) {
                log.info("the mothership confirms stored readings again: readings at the broker wait for its word");
                fellBack = false;
            }
        }
        int released = release(count);
        gapAtOldest = gapAtOldest(count);
        if (released > 0) {
            confirmed += released;
            custody.waitingSince(custody.count() == 0 ? BrokerCustody.NOT_WAITING : now);
        }
    }

    /** Lets go of the readings from the oldest on that a run covers; returns how many. */
    private int release(int count) {
        int released = 0;
        synchronized (queue) {
            boolean progress = true;
            while (progress && !queue.isEmpty()) {
                progress = false;
                long oldest = queue.oldestSeq();
                long through = custody.through();
                for (int i = 0; i < count && !progress; i++) {
                    // Only what the broker took can be stored; a later boot's run is not this pot's boot yet.
                    if (decoder.boots[i] <= boot && decoder.from[i] <= oldest && oldest <= decoder.to[i] && oldest <= through) {
                        released += queue.removeThrough(decoder.to[i] < through ? decoder.to[i] : through);
                        progress = true;
                    }
                }
            }
        }
        return released;
    }

    /**
     * True when a run of this boot starts after the oldest queued reading the broker took: the mothership has later
     * readings but not that one, which the broker acknowledged and lost (or dropped: no subscriber at the time).
     */
    private boolean gapAtOldest(int count) {
        synchronized (queue) {
            if (queue.isEmpty() || queue.oldestSeq() > custody.through()) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (decoder.boots[i] == boot && decoder.from[i] > queue.oldestSeq()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * True, at most once per {@link #RESEND_GAP_MILLIS}, when the last acknowledgement showed a gap at the oldest
     * reading at the broker: the publisher sends this wake's unconfirmed readings again, as on a new session.
     */
    boolean resendForGap(long now) {
        if (!gapAtOldest || now - lastResendAt < RESEND_GAP_MILLIS || !confirming()) {
            return false;
        }
        gapAtOldest = false;
        lastResendAt = now;
        return true;
    }

    private void fallBack() {
        custody.confirming(false);
        fellBack = true;
        int waiting = queue.removeThrough(custody.through());
        custody.waitingSince(BrokerCustody.NOT_WAITING);
        log.warn("no confirmation from the mothership for " + Durations.format(waitMillis) + " (ack.wait): trusting the"
                + " broker's acknowledgement; " + waiting + " readings it holds leave the queue, the next leave it once"
                + " the broker has them");
    }

    /** Readings the mothership confirmed, since boot. */
    public long confirmed() {
        return confirmed;
    }
}
