package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * One connect of an always-on pot as it recorded it (the protocol's {@code ConnectPhases}): what each phase took on the
 * pot's clock, in ms; null for a phase it did not report.
 *
 * @param boot           the pot's boot counter
 * @param connect        the connect's number in that boot, from 1
 * @param receivedAt     when its record arrived
 * @param reset          why the chip started (power-on, restart, or the board's word)
 * @param wifiMs         the WiFi join; null when WiFi stayed up and only the broker link broke
 * @param mqttMs         the MQTT CONNECT until the broker's CONNACK
 * @param sessionMs      the session set-up after the CONNACK
 * @param firstPublishMs from the connect's start to its first publish after the set-up
 * @param upMs           the pot's uptime then
 * @param reason         why the link before it went down; null on a boot's first connect
 */
public record ConnectView(String potId, long boot, long connect, Instant receivedAt, String reset, Long bootMs, Long wifiMs,
                          Long addressMs, Long mqttMs, Long sessionMs, Long firstPublishMs, Long upMs, String reason) {
}
