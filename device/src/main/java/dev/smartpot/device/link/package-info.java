/** Keeping the link up: WiFi join and MQTT connect with backoff, the session set-up after each connect, reboot escalation, the delivery check. */
package dev.smartpot.device.link;
