/** The MQTT seam ({@code MqttTransport}) a runtime implements, the inbox of arrived messages, broker addresses, refusals, topics and TLS settings. */
package dev.smartpot.device.mqtt;
