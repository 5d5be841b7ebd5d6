package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * One wake of a battery pot as it reported it (the protocol's {@code WakePhases}): what each phase took on the pot's
 * clock, in ms; null for a phase it did not report.
 *
 * @param boot         the pot's boot counter
 * @param seq          the seq of the wake's own reading
 * @param receivedAt   when its status arrived
 * @param reset        why the chip started (deep-sleep, power-on, restart, or the board's word)
 * @param bootModelled true when bootMs is an assumption, not measured
 * @param readings     how many readings the wake published
 * @param roundTrips   exchanges with the broker
 */
public record WakeView(String potId, long boot, long seq, Instant receivedAt, String reset, Long bootMs, boolean bootModelled,
                       Long readMs, Long wifiMs, Long addressMs, Long mqttMs, Long publishMs, Long readings, Long listenMs,
                       Long awakeMs, Long roundTrips) {
}
