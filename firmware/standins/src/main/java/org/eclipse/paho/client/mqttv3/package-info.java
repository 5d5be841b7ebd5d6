/**
 * Stand-ins for MicroEJ's MicroPaho ({@code ej.library.iot:micropaho:1.0.0}): {@code MqttClient},
 * {@code MqttConnectOptions}, {@code MqttMessage}, {@code MqttException} and an {@code MqttCallback} with only
 * {@code messageArrived} and {@code connectionLost} (field notes, "MicroEJ on ESP32"). MicroPaho's own sources
 * were not readable here: method signatures follow Eclipse Paho mqttv3 1.2, whose API MicroPaho keeps. The first
 * SDK build is the check; a mismatch is a compile error there, not a silent change.
 */
package org.eclipse.paho.client.mqttv3;
